using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Instances;

namespace NicConsole.Tests.Web.Features.Instances;

public class LaunchInstanceDialogTests : ConsoleTestContext
{
    private Task _launching = Task.CompletedTask;

    /// <summary>Opens the dialog; the click's handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudBlazor.MudDialogProvider>> OpenAsync()
    {
        await StoreAsync();
        var providers = RenderWithProviders<InstancesPage>(out var page);
        _launching = page.Find("#instances-launch").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#launch-name");
        return providers;
    }

    private async Task ChooseNetworkAsync(IRenderedComponent<MudBlazor.MudDialogProvider> dialog, string text)
    {
        await dialog.Find("#launch-vxnet").ParentElement!.ParentElement!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-list-item").ShouldContain(i => i.TextContent.Mentions(text)));
        await Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Mentions(text)).ClickAsync(new MouseEventArgs());
    }

    [Fact]
    public async Task OffersTheBasicNetworkAndEveryVxNetThatTakesNicsWithItsUse()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 3);
        var dialog = await OpenAsync();

        await dialog.Find("#launch-vxnet").ParentElement!.ParentElement!.MouseDownAsync(new MouseEventArgs());

        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-list-item").Count.ShouldBe(2));
        Popovers.FindAll(".mud-list-item")[0].TextContent.Mentions("vxnet-0").ShouldBeTrue();
        Popovers.FindAll(".mud-list-item")[1].TextContent.ShouldContain($"{vxnet}, 172.16.1.0/24) 3/252");
    }

    [Fact]
    public async Task ATooLongNameOrAReservedAddressKeepsTheDialogFromConfirming()
    {
        var dialog = await OpenAsync();
        await ChooseNetworkAsync(dialog, "vxnet-0");
        dialog.WaitForAssertion(() => dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeFalse());

        await dialog.Find("#launch-name").InputAsync(new ChangeEventArgs { Value = new string('x', 65) });
        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("64"));
        dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeTrue();

        await dialog.Find("#launch-name").InputAsync(new ChangeEventArgs { Value = "web" });
        await dialog.Find("#launch-ip-manual").ClickAsync(new MouseEventArgs());
        await dialog.Find("#launch-request-ip").InputAsync(new ChangeEventArgs { Value = "10.120.7.1" });
        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("网关"));
        dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeTrue();
        dialog.Find("#launch-next-free").TextContent.ShouldContain("10.120.7.2");
    }

    [Fact]
    public async Task LaunchesAServerWithItsEth0AtTheChosenAddress()
    {
        var dialog = await OpenAsync();
        await dialog.Find("#launch-name").InputAsync(new ChangeEventArgs { Value = "web-1" });
        await ChooseNetworkAsync(dialog, "vxnet-0");
        await dialog.Find("#launch-ip-manual").ClickAsync(new MouseEventArgs());
        await dialog.Find("#launch-request-ip").InputAsync(new ChangeEventArgs { Value = "10.120.7.50" });
        dialog.WaitForAssertion(() => dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeFalse());

        await dialog.Find("#launch-submit").ClickAsync(new MouseEventArgs());
        await _launching;
        var store = await StoreAsync();
        await store.WhenIdle();
        await Harness.Jobs.RunAllPendingAsync();

        var server = (await Harness.Get<InstanceQueries>().QueryAsync(Operator, new InstanceQuery())).Ok().Items.Single();
        server.Name.ShouldBe("web-1");
        server.Status.ShouldBe(InstanceStatus.Running);
        server.Nics.Single().PrivateIp.ToString().ShouldBe("10.120.7.50");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ACountOutsideOneToAHundredIsRefusedAsTyped(int count)
    {
        var dialog = await OpenAsync();
        await ChooseNetworkAsync(dialog, "vxnet-0");
        dialog.WaitForAssertion(() => dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeFalse());

        await dialog.Find("#launch-count").InputAsync(new ChangeEventArgs { Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("100"));
        dialog.Find("#launch-submit").HasAttribute("disabled").ShouldBeTrue();
    }
}
