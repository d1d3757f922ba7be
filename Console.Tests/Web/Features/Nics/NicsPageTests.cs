using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Nics;

public class NicsPageTests : ConsoleTestContext
{
    private async Task<(string Vxnet, string Server, string Primary)> SceneAsync()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var run = (await Harness.Get<RunInstances>().RunAsync(Operator, new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        var primary = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery())).Ok().Items.Single().Id;
        return (vxnet, run.ResourceIds[0], primary);
    }

    [Fact]
    public async Task ShowsOnePageOfNicsWithTheirServerAndDevice()
    {
        var (vxnet, _, _) = await SceneAsync();
        await Harness.RequestNicsAsync(vxnet, 3);
        await StoreAsync();

        RenderWithProviders<NicsPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(4));
        page.Find(".list-total").TextContent.ShouldBe("4");
        page.Find("#nics-grid tbody").TextContent.ShouldContain("hosta");
        page.Find("#nics-grid tbody").TextContent.ShouldContain("eth0");
        page.Find("#nics-grid tbody").TextContent.ShouldContain("172.16.1.4");
    }

    [Fact]
    public async Task ARefreshHandsTheGridsColumnsTheExpressionsTheyAlreadyCompiled()
    {
        var (vxnet, _, _) = await SceneAsync();
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(2));
        object[] Columns() => [.. page.FindComponents<MudBlazor.PropertyColumn<NicView, string>>().Select(c => (object)c.Instance.Property),
            .. page.FindComponents<MudBlazor.PropertyColumn<NicView, NicConsole.Domain.VxNets.IpAddress>>().Select(c => (object)c.Instance.Property)];
        var before = Columns();

        (await Harness.Get<ModifyNic>().RunAsync(Operator, new ModifyNic.Request(nic, Name: "renamed"))).Ok();
        page.WaitForAssertion(() => page.Find("#nics-grid tbody").TextContent.ShouldContain("renamed"));

        before.Length.ShouldBe(3);
        Columns().ShouldBe(before, "a PropertyColumn compiles its expression again whenever it gets another one");
    }

    [Fact]
    public async Task TheRightClickMenuDisablesWhatThePrimaryNicCannotDoAndSaysWhy()
    {
        await SceneAsync();
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(1));

        await page.Find("#nics-grid tbody tr").ContextMenuAsync(new MouseEventArgs());

        Popovers.WaitForAssertion(() => Popovers.Find("#menu-detach").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-detach").TextContent.ShouldContain("主网卡");
        Popovers.Find("#menu-delete").GetAttribute("aria-disabled").ShouldBe("true");
        Popovers.Find("#menu-attach").GetAttribute("aria-disabled").ShouldBe("true");
    }

    [Fact]
    public async Task AnAvailableNicCanBeAttachedOrDeletedButNotDetached()
    {
        var (vxnet, _, _) = await SceneAsync();
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.100");
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(2));

        await page.Row("#nics-grid", "172.16.1.100").ContextMenuAsync(new MouseEventArgs());

        Popovers.WaitForAssertion(() => Popovers.Find("#menu-attach").GetAttribute("aria-disabled").ShouldNotBe("true"));
        Popovers.Find("#menu-delete").GetAttribute("aria-disabled").ShouldNotBe("true");
        Popovers.Find("#menu-detach").GetAttribute("aria-disabled").ShouldBe("true");
    }

    [Fact]
    public async Task BulkActionsWaitForASelection()
    {
        await SceneAsync();
        await StoreAsync();

        RenderWithProviders<NicsPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(1));
        page.Find("#nics-attach").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#nics-detach").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#nics-delete").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#nics-request").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task AChangeCommittedElsewhereShowsWithoutAReload()
    {
        var (vxnet, _, _) = await SceneAsync();
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(1));

        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.77");

        page.WaitForAssertion(() => page.Find("#nics-grid tbody").TextContent.ShouldContain("172.16.1.77"));
    }

    [Fact]
    public async Task PagesThroughTheListOnTheServer()
    {
        var (vxnet, _, _) = await SceneAsync();
        await Harness.RequestNicsAsync(vxnet, 24);
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(20));

        await page.FindAll(".mud-pagination button").Single(b => b.TextContent.Trim() == "2").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(5));
        page.Find(".list-total").TextContent.ShouldBe("25");
    }

    [Fact]
    public async Task SelectingAvailableNicsEnablesTheBulkDelete()
    {
        var (vxnet, _, _) = await SceneAsync();
        await Harness.RequestNicsAsync(vxnet, 2);
        await StoreAsync();
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(3));

        foreach (var row in page.FindAll("#nics-grid tbody tr").Where(r => r.TextContent.Contains("172.16.1.")).ToList())
        {
            await row.QuerySelector("input[type=checkbox]")!.ChangeAsync(new ChangeEventArgs { Value = true });
        }

        page.WaitForAssertion(() => page.Find("#nics-delete").HasAttribute("disabled").ShouldBeFalse());
        page.Find("#nics-detach").HasAttribute("disabled").ShouldBeTrue();
    }
}
