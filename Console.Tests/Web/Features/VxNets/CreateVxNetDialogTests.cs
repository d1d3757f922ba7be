using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.VxNets;

namespace NicConsole.Tests.Web.Features.VxNets;

public class CreateVxNetDialogTests : ConsoleTestContext
{
    private Task _creating = Task.CompletedTask;

    /// <summary>Opens 创建 from the VxNet page; the click's handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        await StoreAsync();
        var providers = RenderWithProviders<VxNetsPage>(out var page);
        _creating = page.Find("#vxnets-create").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#create-vxnet-name");
        return providers;
    }

    private async Task SubmitAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        dialog.WaitForAssertion(() => dialog.Find("#create-vxnet-submit").HasAttribute("disabled").ShouldBeFalse());
        await dialog.Find("#create-vxnet-submit").ClickAsync(new MouseEventArgs());
        await _creating;
        await (await StoreAsync()).WhenIdle();
    }

    private async Task<IReadOnlyList<VxNetView>> ManagedVxNetsAsync() =>
        (await Harness.Get<VxNetQueries>().QueryAsync(Operator, new VxNetQuery { Types = [VxNetType.Managed], Page = new(Limit: Limits.MaxPageSize) })).Ok().Items;

    [Fact]
    public async Task CreatesAsManyVxNetsAsAskedWithTheName()
    {
        var dialog = await OpenAsync();

        await dialog.Find("#create-vxnet-name").InputAsync(new ChangeEventArgs { Value = "app" });
        await dialog.Find("#create-vxnet-count").InputAsync(new ChangeEventArgs { Value = "3" });
        await SubmitAsync(dialog);

        var created = await ManagedVxNetsAsync();
        created.Count.ShouldBe(3);
        created.ShouldAllBe(x => x.Name == "app" && x.VpcId == null);
    }

    [Fact]
    public async Task ANameOver64CharactersIsRefusedAsTypedAndCannotBeSubmitted()
    {
        var dialog = await OpenAsync();

        await dialog.Find("#create-vxnet-name").InputAsync(new ChangeEventArgs { Value = new string('x', Limits.NameLength + 1) });

        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("名称不能超过 64 个字符"));
        dialog.Find("#create-vxnet-submit").HasAttribute("disabled").ShouldBeTrue();

        await dialog.Find("#create-vxnet-name").InputAsync(new ChangeEventArgs { Value = new string('x', Limits.NameLength) });

        dialog.WaitForAssertion(() => dialog.Find("#create-vxnet-submit").HasAttribute("disabled").ShouldBeFalse());
        dialog.Find(".mud-dialog").TextContent.ShouldNotContain("名称不能超过");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task ACountOutsideOneTo100IsRefusedAsTypedAndCannotBeSubmitted(string count)
    {
        var dialog = await OpenAsync();

        await dialog.Find("#create-vxnet-count").InputAsync(new ChangeEventArgs { Value = count });

        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("数量必须在 1 到 100 之间"));
        dialog.Find("#create-vxnet-submit").HasAttribute("disabled").ShouldBeTrue();
        dialog.Find("#create-vxnet-count").GetAttribute("value").ShouldBe(count);

        await dialog.Find("#create-vxnet-count").InputAsync(new ChangeEventArgs { Value = "100" });
        await SubmitAsync(dialog);

        (await ManagedVxNetsAsync()).Count.ShouldBe(100);
    }
}
