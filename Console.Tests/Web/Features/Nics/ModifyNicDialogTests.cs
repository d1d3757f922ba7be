using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Nics;

public class ModifyNicDialogTests : ConsoleTestContext
{
    private Task _modifying = Task.CompletedTask;

    /// <summary>Right-clicks the NIC at <paramref name="ip"/> and opens 修改; the menu's handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string ip)
    {
        await StoreAsync();
        var providers = RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.HasRow("#nics-grid", ip).ShouldBeTrue());
        await page.InvokeAsync(() => page.Row("#nics-grid", ip).ContextMenuAsync(new MouseEventArgs()));
        Popovers.WaitForElement("#menu-modify");
        _modifying = Popovers.Find("#menu-modify").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#modify-name");
        return providers;
    }

    private async Task<NicView> NicAtAsync(string ip) =>
        (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery())).Ok().Items.Single(n => n.PrivateIp.ToString() == ip);

    [Fact]
    public async Task RenamesANicWithoutTouchingItsAddress()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10");
        var dialog = await OpenAsync("172.16.1.10");
        dialog.Find("#modify-submit").HasAttribute("disabled").ShouldBeTrue("nothing changed yet");

        await dialog.Find("#modify-name").InputAsync(new ChangeEventArgs { Value = "db-backend" });
        dialog.WaitForAssertion(() => dialog.Find("#modify-submit").HasAttribute("disabled").ShouldBeFalse());
        await dialog.Find("#modify-submit").ClickAsync(new MouseEventArgs());
        await _modifying;
        await (await StoreAsync()).WhenIdle();

        var nic = await NicAtAsync("172.16.1.10");
        nic.Name.ShouldBe("db-backend");
    }

    [Fact]
    public async Task ANewAddressIsCheckedAsTypedAndTheNextFreeOnesAreOffered()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10");
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.11");
        var dialog = await OpenAsync("172.16.1.10");

        await dialog.Find("#modify-ip").InputAsync(new ChangeEventArgs { Value = "172.16.1.11" });
        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("已被占用"));
        dialog.Find("#modify-submit").HasAttribute("disabled").ShouldBeTrue();
        dialog.Find("#modify-next-free").TextContent.ShouldContain("172.16.1.2");

        await dialog.Find("#modify-ip").InputAsync(new ChangeEventArgs { Value = "172.16.1.255" });
        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("广播"));

        await dialog.Find("#modify-ip").InputAsync(new ChangeEventArgs { Value = "172.16.1.200" });
        dialog.WaitForAssertion(() => dialog.Find("#modify-submit").HasAttribute("disabled").ShouldBeFalse());
        await dialog.Find("#modify-submit").ClickAsync(new MouseEventArgs());
        await _modifying;
        await (await StoreAsync()).WhenIdle();

        (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery())).Ok().Items.Select(n => n.PrivateIp.ToString())
            .ShouldBe(["172.16.1.11", "172.16.1.200"], ignoreOrder: true);
    }

    [Fact]
    public async Task AnAttachedNicKeepsItsAddressAndTheDialogSaysWhy()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync();
        var nic = (await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10")).Single();
        await Harness.AttachAsync(server, nic);
        var dialog = await OpenAsync("172.16.1.10");

        dialog.Find("#modify-ip").HasAttribute("disabled").ShouldBeTrue();
        dialog.Find(".mud-dialog").TextContent.ShouldContain(nic);
        dialog.Find(".mud-dialog").TextContent.ShouldContain("不是可用");
    }

    [Fact]
    public async Task TheToolbarModifiesExactlyOneSelectedNic()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 2);
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(2));
        page.Find("#nics-modify").HasAttribute("disabled").ShouldBeTrue();

        await page.FindAll("#nics-grid tbody tr input[type=checkbox]")[0].ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => page.Find("#nics-modify").HasAttribute("disabled").ShouldBeFalse());

        await page.FindAll("#nics-grid tbody tr input[type=checkbox]")[1].ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => page.Find("#nics-modify").HasAttribute("disabled").ShouldBeTrue());
        page.Find("#nics-modify").GetAttribute("title").ShouldBe("请选择一块网卡");
    }
}
