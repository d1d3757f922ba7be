using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Microsoft.AspNetCore.Components;
using NicConsole.Web.Features.Jobs;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Jobs;

public class JobsPageTests : ConsoleTestContext
{
    /// <summary>A VPC, a joined VxNet and a server made by jobs that ran, then a NIC attach whose job is left pending.</summary>
    private async Task<(string Server, string Nic, string VxNet)> SceneAsync()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok();
        return (server, nic, vxnet);
    }

    private IRenderedComponent<JobsPage> Render()
    {
        RenderWithProviders<JobsPage>(out var page);
        return page;
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<JobsPage> page) => page.FindAll("#jobs-grid tbody tr.job-row");

    private static IElement Row(IRenderedComponent<JobsPage> page, string action) => Rows(page).Single(r => r.TextContent.Contains(action));

    private static Task SelectAsync(IRenderedComponent<JobsPage> page, string id, string? value)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Find("input").Id == id || Equals(s.Instance.UserAttributes.GetValueOrDefault("id"), id));
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task ListsJobsNewestFirstWithTheirStatusChips()
    {
        await SceneAsync();
        await StoreAsync();

        var page = Render();

        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(4));
        Rows(page).Select(r => r.Children[1].TextContent.Trim()).ShouldBe(["AttachNics", "RunInstances", "JoinRouter", "CreateRouters"]);
        var pending = Row(page, "AttachNics").QuerySelector(".status-chip")!;
        pending.GetAttribute("data-state").ShouldBe("pending");
        pending.TextContent.ShouldContain("等待中");
        pending.QuerySelector(".mud-progress-circular").ShouldNotBeNull();
        var done = Row(page, "RunInstances").QuerySelector(".status-chip")!;
        done.GetAttribute("data-state").ShouldBe("successful");
        done.QuerySelector(".mud-progress-circular").ShouldBeNull();
        page.Find(".list-total").TextContent.ShouldBe("4");
    }

    [Fact]
    public async Task FilteringByStatusAndByActionNarrowsTheList()
    {
        await SceneAsync();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(4));

        await SelectAsync(page, "jobs-status", "successful");
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(3));
        Rows(page).ShouldAllBe(r => r.QuerySelector(".status-chip")!.GetAttribute("data-state") == "successful");

        await SelectAsync(page, "jobs-action", "JoinRouter");
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(1));
        Rows(page)[0].TextContent.ShouldContain("JoinRouter");

        await SelectAsync(page, "jobs-status", "pending");
        page.WaitForAssertion(() => page.Find("#jobs-grid").TextContent.ShouldContain("没有符合条件的任务"));

        await SelectAsync(page, "jobs-action", "AttachNics");
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(1));
        Rows(page)[0].TextContent.ShouldContain("AttachNics");
    }

    [Fact]
    public async Task FilteringByResourceAndTimeNarrowsTheList()
    {
        var (server, _, _) = await SceneAsync();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(4));

        var resource = page.FindComponents<MudTextField<string>>().Single(f => f.Find("input").Id == "jobs-resource");
        await resource.InvokeAsync(() => resource.Instance.ValueChanged.InvokeAsync(server));
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));
        Rows(page).Select(r => r.Children[1].TextContent.Trim()).ShouldBe(["AttachNics", "RunInstances"]);

        var from = page.FindComponents<MudDatePicker>().Single(p => p.Find("input").Id == "jobs-from");
        await from.InvokeAsync(() => from.Instance.DateChanged.InvokeAsync(DateTime.UtcNow.Date.AddDays(1)));
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(0));
        page.Find(".list-total").TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task ThePendingJobTurnsSuccessfulOnThePageWhenItRuns()
    {
        await SceneAsync();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("pending"));

        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("successful"));
        Row(page, "AttachNics").QuerySelector(".mud-progress-circular").ShouldBeNull();
    }

    [Fact]
    public async Task AJobThatFailedOnAnOfflineHostSaysSoInTheOperatorsLanguage()
    {
        await SceneAsync();
        using (Harness.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "host h2 is offline" : null))
        {
            await Harness.Jobs.RunAllPendingAsync();
        }
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("failed"));

        await Row(page, "AttachNics").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#job-error").TextContent.Trim().ShouldBe("宿主机 h2 已离线"));
    }

    [Fact]
    public async Task TheDetailDrawerShowsTheResourcesAsLinksAndAFailedJobsError()
    {
        var (server, nic, _) = await SceneAsync();
        using (Harness.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down on host" : null))
        {
            await Harness.Jobs.RunAllPendingAsync();
        }
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("failed"));

        await Row(page, "AttachNics").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#job-detail .job-action").TextContent.ShouldBe("AttachNics"));
        var drawer = page.Find("#job-detail");
        drawer.QuerySelector($"a[href='nics?search={Uri.EscapeDataString(nic)}']")!.TextContent.ShouldBe(nic);
        drawer.QuerySelector($"a[href='instances/{server}']")!.TextContent.ShouldBe(server);
        drawer.TextContent.ShouldContain("tester");
        page.Find("#job-error").TextContent.ShouldContain("link down on host");

        await page.Find("#job-detail-close").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.FindAll("#job-error").ShouldBeEmpty());
    }

    [Fact]
    public async Task TheRightClickMenuOpensTheDetailAndTheJobsResource()
    {
        var (_, nic, _) = await SceneAsync();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(4));

        await Row(page, "AttachNics").ContextMenuAsync(new MouseEventArgs());

        Popovers.WaitForAssertion(() => Popovers.Find("#menu-job-resource").GetAttribute("aria-disabled").ShouldNotBe("true"));
        Popovers.Find("#menu-job-resource").GetAttribute("href").ShouldBe($"nics?search={Uri.EscapeDataString(nic)}");
        await Popovers.Find("#menu-job-detail").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("#job-detail .job-action").TextContent.ShouldBe("AttachNics"));
    }

    [Fact]
    public async Task AServerTheJobTerminatedCannotBeOpenedAndTheMenuSaysWhy()
    {
        var server = await Harness.RunServerAsync("doomed");
        (await Harness.Get<TerminateInstances>().RunAsync(Harness.Context, [server])).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        await StoreAsync();
        var page = Render();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));

        await Row(page, "TerminateInstances").ContextMenuAsync(new MouseEventArgs());

        Popovers.WaitForAssertion(() => Popovers.Find("#menu-job-resource").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-job-resource").TextContent.ShouldContain($"{server} 已被该任务删除");
    }

    [Fact]
    public async Task TheResourceLinkOpensTheNicListSearchedForTheNic()
    {
        var (_, nic, vxnet) = await SceneAsync();
        await Harness.RequestNicsAsync(vxnet, 2);
        await StoreAsync();
        var jobs = Render();
        jobs.WaitForAssertion(() => Rows(jobs).Count.ShouldBe(4));
        await Row(jobs, "AttachNics").ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-job-resource").HasAttribute("href").ShouldBeTrue());

        Services.GetRequiredService<NavigationManager>().NavigateTo(Popovers.Find("#menu-job-resource").GetAttribute("href")!);
        var nics = Render<NicsPage>();

        nics.WaitForAssertion(() =>
        {
            nics.FindAll("#nics-grid tbody tr").Count.ShouldBe(1);
            nics.HasRow("#nics-grid", nic).ShouldBeTrue();
        });
    }
}
