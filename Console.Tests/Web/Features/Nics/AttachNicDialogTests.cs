using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Nics;

public class AttachNicDialogTests : ConsoleTestContext
{
    private Task _attaching = Task.CompletedTask;

    private async Task<IRenderedComponent<NicsPage>> ShowNicsAsync(int rows)
    {
        await StoreAsync();
        Dialog = RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(rows));
        return page;
    }

    /// <summary>Shows the newest of <paramref name="total"/> NICs: the first page, whose rows are the NICs requested last.</summary>
    private async Task<IRenderedComponent<NicsPage>> ShowNewestAsync(int total, params string[] ips)
    {
        await StoreAsync();
        Dialog = RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.Find(".list-total").TextContent.ShouldBe(total.ToString()));
        page.WaitForAssertion(() => ips.ShouldAllBe(ip => page.Find("#nics-grid tbody").TextContent.Contains(ip)));
        return page;
    }

    private IRenderedComponent<MudDialogProvider> Dialog { get; set; } = default!;

    /// <summary>Right-clicks the NIC at <paramref name="ip"/> and chooses 分配到云服务器; the handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenFromMenuAsync(IRenderedComponent<NicsPage> page, string ip)
    {
        await page.Row("#nics-grid", ip).ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForElement("#menu-attach");
        _attaching = Popovers.Find("#menu-attach").ClickAsync(new MouseEventArgs());
        Dialog.WaitForElement("#attach-server");
        return Dialog;
    }

    /// <summary>Ticks the rows of <paramref name="ips"/> and presses the toolbar's 分配到云服务器.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenFromToolbarAsync(IRenderedComponent<NicsPage> page, params string[] ips)
    {
        foreach (var ip in ips)
        {
            await page.Row("#nics-grid", ip).QuerySelector("input[type=checkbox]")!
                .ChangeAsync(new ChangeEventArgs { Value = true });
        }
        page.WaitForAssertion(() => page.Find("#nics-attach").HasAttribute("disabled").ShouldBeFalse());
        _attaching = page.Find("#nics-attach").ClickAsync(new MouseEventArgs());
        Dialog.WaitForElement("#attach-server");
        return Dialog;
    }

    private async Task<IReadOnlyList<IElement>> OpenPickerAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        await dialog.Find("#attach-server").ParentElement!.ParentElement!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForElement(".mud-list-item");
        return Popovers.FindAll(".mud-list-item");
    }

    private async Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialog, string server)
    {
        var items = await OpenPickerAsync(dialog);
        await items.Single(i => i.TextContent.Contains(server)).ClickAsync(new MouseEventArgs());
        dialog.WaitForAssertion(() => dialog.Find("#attach-submit").HasAttribute("disabled").ShouldBeFalse());
    }

    private async Task<string> StoppedServerAsync(string name)
    {
        var server = await Harness.RunServerAsync(name);
        (await Harness.Get<StopInstances>().RunAsync(Harness.Context, [server])).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        return server;
    }

    /// <summary>A running server with its eth0 and 62 secondary NICs: 63 of 64.</summary>
    private async Task<string> AlmostFullServerAsync(string vxnet)
    {
        var server = await Harness.RunServerAsync("crowded");
        await Harness.AttachAsync(server, [.. await Harness.RequestNicsAsync(vxnet, Limits.NicsPerServer - 2)]);
        return server;
    }

    [Fact]
    public async Task FromTheRowMenuListsOnlyRunningServersWithTheirNicSlots()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var running = await Harness.RunServerAsync("hosta");
        var stopped = await StoppedServerAsync("sleeper");
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10");
        var page = await ShowNicsAsync(3);
        var dialog = await OpenFromMenuAsync(page, "172.16.1.10");

        var items = await OpenPickerAsync(dialog);

        dialog.Find(".mud-dialog").TextContent.ShouldContain("172.16.1.10");
        items.ShouldHaveSingleItem().TextContent.ShouldContain($"hosta ({running}) 1/64");
        Popovers.Markup.ShouldNotContain(stopped);
    }

    [Fact]
    public async Task AServerThatTwoMoreNicsWouldTakePast64IsDisabledAndSaysWhy()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var crowded = await AlmostFullServerAsync(vxnet);
        await Harness.RunServerAsync("hosta");
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.200");
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.201");
        var page = await ShowNewestAsync(66, "172.16.1.200", "172.16.1.201");
        var dialog = await OpenFromToolbarAsync(page, "172.16.1.200", "172.16.1.201");

        var items = await OpenPickerAsync(dialog);

        var full = items.Single(i => i.TextContent.Contains(crowded));
        full.TextContent.ShouldContain("63/64");
        full.TextContent.ShouldContain($"云服务器 [{crowded}] 已有 63 块网卡，再增加 2 块将超过 64 块的上限");
        full.ClassList.ShouldContain("mud-list-item-disabled");
        items.Single(i => i.TextContent.Contains("hosta")).ClassList.ShouldNotContain("mud-list-item-disabled");
    }

    [Fact]
    public async Task OneMoreNicMayTakeAServerToExactly64()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var crowded = await AlmostFullServerAsync(vxnet);
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.200");
        var page = await ShowNewestAsync(64, "172.16.1.200");
        var dialog = await OpenFromMenuAsync(page, "172.16.1.200");

        await ChooseAsync(dialog, crowded);
        await dialog.Find("#attach-submit").ClickAsync(new MouseEventArgs());
        await _attaching;
        await (await StoreAsync()).WhenIdle();
        await Harness.Jobs.RunAllPendingAsync();

        var server = (await Harness.Get<InstanceQueries>().QueryAsync(Operator, new InstanceQuery { Ids = [crowded] })).Ok().Items.Single();
        server.Nics.Count.ShouldBe(Limits.NicsPerServer);
        server.Nics.Single(n => n.PrivateIp.ToString() == "172.16.1.200").Sequence.ShouldBe(Limits.MaxSequence);
    }

    [Fact]
    public async Task ChoosingAServerThatAlreadyHasANicInTheSubnetWarns()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var sharing = await Harness.RunServerAsync("sharing");
        var other = await Harness.RunServerAsync("other");
        await Harness.AttachAsync(sharing, [.. await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10")]);
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.11");
        var page = await ShowNicsAsync(4);
        var dialog = await OpenFromMenuAsync(page, "172.16.1.11");

        await ChooseAsync(dialog, other);
        dialog.FindAll("#subnet-warning").ShouldBeEmpty();
        await ChooseAsync(dialog, sharing);

        dialog.WaitForAssertion(() => dialog.Find("#subnet-warning").TextContent.ShouldContain("sharing 已有同网段网卡，可能导致非对称路由"));
    }

    [Fact]
    public async Task ConfirmingFromTheToolbarAttachesBothSelectedNicsAsEth1AndEth2()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nics = await Harness.RequestNicsAsync(vxnet, 2);
        var page = await ShowNicsAsync(3);
        var dialog = await OpenFromToolbarAsync(page, "172.16.1.2", "172.16.1.3");
        dialog.Find(".mud-dialog").TextContent.ShouldContain(nics[0]);
        dialog.Find(".mud-dialog").TextContent.ShouldContain(nics[1]);
        dialog.Find("#attach-submit").HasAttribute("disabled").ShouldBeTrue("no server chosen yet");

        await ChooseAsync(dialog, server);
        await dialog.Find("#attach-submit").ClickAsync(new MouseEventArgs());
        await _attaching;
        await (await StoreAsync()).WhenIdle();
        await Harness.Jobs.RunAllPendingAsync();

        var attached = new[] { await Harness.NicAsync(nics[0]), await Harness.NicAsync(nics[1]) };
        attached.ShouldAllBe(n => n.Status == NicStatus.InUse && n.InstanceId == server);
        attached.Select(n => n.Sequence).ShouldBe([1, 2], ignoreOrder: true);
        page.WaitForAssertion(() => page.Find("#nics-grid tbody").TextContent.ShouldContain("eth2"));
        page.Find("#nics-grid tbody").TextContent.ShouldContain("eth1");
    }
}
