using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Operations;

namespace NicConsole.Tests.Web.Features.Operations;

public class OperationsPageTests : ConsoleTestContext
{
    private async Task<(string Server, string Nic)> SceneAsync()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        return (server, nic);
    }

    private IRenderedComponent<OperationsPage> Render()
    {
        RenderWithProviders<OperationsPage>(out var page);
        return page;
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<OperationsPage> page) => page.FindAll("#operations-grid tbody tr.operation-row");

    private static string Cell(IElement row, int column) => row.Children[column].TextContent.Trim();

    private static Task SelectAsync(IRenderedComponent<OperationsPage> page, string id, string? value)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Find("input").Id == id);
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task TypeAsync(IRenderedComponent<OperationsPage> page, string id, string value)
    {
        var field = page.FindComponents<MudTextField<string>>().Single(f => f.Find("input").Id == id);
        return field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task ListsEveryChangeNewestFirstWithWhoWhatAndHowItEnded()
    {
        var (_, nic) = await SceneAsync();
        await StoreAsync();

        var page = Render();

        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(8));
        Rows(page).Select(r => Cell(r, 2)).ShouldBe(
            ["CreateNics", "RunInstances", "RunInstances", "JoinRouter", "JoinRouter", "CreateVxnets", "CreateRouters", "CreateRouters"]);
        var newest = Rows(page)[0];
        Cell(newest, 1).ShouldBe("tester");
        newest.QuerySelector($"a[href='nics?search={Uri.EscapeDataString(nic)}']").ShouldNotBeNull();
        newest.QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("succeeded");
        Rows(page)[2].QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("accepted");
        Cell(Rows(page)[2], 5).ShouldStartWith("任务 j-");
    }

    [Fact]
    public async Task AChangeTheHostRefusedIsListedAsFailedWithItsMessage()
    {
        var (server, nic) = await SceneAsync();
        (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok();
        using (Harness.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down on host" : null))
        {
            await Harness.Jobs.RunAllPendingAsync();
        }
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(10));

        await SelectAsync(page, "operations-result", "failed");

        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(1));
        var row = Rows(page)[0];
        Cell(row, 2).ShouldBe("AttachNics");
        row.QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("failed");
        row.QuerySelector(".status-chip")!.TextContent.ShouldContain("失败");
        Cell(row, 5).ShouldBe("link down on host");

        await row.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#operation-detail .operation-action").TextContent.ShouldBe("AttachNics"));
        page.Find("#operation-detail .operation-resources").TextContent.ShouldContain(server);
        page.Find("#operation-detail .operation-job").TextContent.ShouldStartWith("j-");
        page.Find("#operation-message").TextContent.ShouldContain("link down on host");
    }

    [Fact]
    public async Task FilteringByActionUserAndResourceNarrowsTheLog()
    {
        var (server, _) = await SceneAsync();
        var mine = (await Harness.Get<CreateVxNets>().RunAsync(Operator, "mine")).Ok()[0];
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(9));

        await SelectAsync(page, "operations-action", "CreateVxnets");
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));

        await TypeAsync(page, "operations-user", "console");
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(1));
        Rows(page)[0].TextContent.ShouldContain(mine);

        await SelectAsync(page, "operations-action", null);
        await TypeAsync(page, "operations-user", "");
        await TypeAsync(page, "operations-resource", server);
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));
        Rows(page).ShouldAllBe(r => Cell(r, 2) == "RunInstances");
    }

    [Fact]
    public async Task ANewChangeAppearsWithoutAReload()
    {
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => page.Find("#operations-grid").TextContent.ShouldContain("没有符合条件的操作记录"));

        var vxnet = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "live")).Ok()[0];

        page.WaitForAssertion(() => Rows(page).Single().TextContent.ShouldContain(vxnet));
    }

    [Fact]
    public async Task AResourceTheChangeDeletedCannotBeOpenedAndTheMenuSaysWhy()
    {
        var vxnet = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "gone")).Ok()[0];
        (await Harness.Get<DeleteVxNets>().RunAsync(Harness.Context, [vxnet])).Ok();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));

        await Rows(page)[0].ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-operation-resource").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-operation-resource").TextContent.ShouldContain($"{vxnet} 已被该操作删除");

        await Rows(page)[1].ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-operation-resource").GetAttribute("href").ShouldBe($"vxnets?search={vxnet}"));
    }
}
