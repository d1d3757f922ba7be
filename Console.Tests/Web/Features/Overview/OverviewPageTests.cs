using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Overview;
using NicConsole.Web.Features.Overview.Store;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Features.Overview;

public class OverviewPageTests : ConsoleTestContext
{
    private readonly FakeTimeProvider _time;

    public OverviewPageTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero)))
    {
    }

    private OverviewPageTests(FakeTimeProvider time)
        : base(time) => _time = time;

    private IRenderedComponent<OverviewPage> Render()
    {
        RenderWithProviders<OverviewPage>(out var page);
        page.WaitForAssertion(() => page.Find("#dashboard").GetAttribute("data-loading").ShouldBe("false"));
        return page;
    }

    private static IElement Status(IRenderedComponent<OverviewPage> page, string card, string status) =>
        page.Find($"#{card} .count-status[data-status='{status}']");

    [Fact]
    public async Task ShowsEachKindCountedByStatusEachLinkedToItsFilteredList()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nics = await Harness.RequestNicsAsync(vxnet, 2);
        await Harness.AttachAsync(server, nics[0]);
        await StoreAsync();

        var page = Render();

        page.Find("#count-nics .count-total").TextContent.ShouldBe("3");
        page.Find("#count-nics .count-total").GetAttribute("href").ShouldBe("nics");
        Status(page, "count-nics", "in-use").TextContent.ShouldContain("2");
        Status(page, "count-nics", "in-use").GetAttribute("href").ShouldBe("nics?status=in-use");
        Status(page, "count-nics", "available").TextContent.ShouldContain("1");
        Status(page, "count-instances", "running").GetAttribute("href").ShouldBe("instances?status=running");
        Status(page, "count-instances", "running").TextContent.ShouldContain("运行中");
        Status(page, "count-vpcs", "active").GetAttribute("href").ShouldBe("vpcs?status=active");
        Status(page, "count-vxnets", "in-vpc").TextContent.ShouldContain("1");
        Status(page, "count-vxnets", "basic").TextContent.ShouldContain("基础网络");
        Status(page, "count-vxnets", "in-vpc").HasAttribute("href").ShouldBeFalse();
        page.Find("#count-vxnets .count-total").TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task ACountsLinkOpensTheListFilteredByThatStatus()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nics = await Harness.RequestNicsAsync(vxnet, 3);
        await Harness.AttachAsync(server, nics[0]);
        await StoreAsync();
        var page = Render();

        Services.GetRequiredService<NavigationManager>().NavigateTo(Status(page, "count-nics", "available").GetAttribute("href")!);
        var list = Render<NicsPage>();

        list.WaitForAssertion(() =>
        {
            list.FindAll("#nics-grid tbody tr").Count.ShouldBe(2);
            list.FindAll("#nics-grid tbody tr").ShouldAllBe(r => r.QuerySelector(".status-chip")!.GetAttribute("data-state") == "available");
        });
    }

    [Fact]
    public async Task TheFullestVxNetsAndServersAreBarsLinkedToTheirPages()
    {
        var vpc = await Harness.CreateVpcAsync();
        var small = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var big = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var server = await Harness.RunServerAsync("hosta");
        await Harness.RequestNicsAsync(small, 2);
        var nics = await Harness.RequestNicsAsync(big, 5);
        await Harness.AttachAsync(server, nics[0], nics[1]);
        await StoreAsync();

        var page = Render();

        var bars = page.FindAll("#fullest-vxnets .usage-bar");
        bars.Select(b => b.GetAttribute("data-id")).ShouldBe([big, small, ResourceIds.BasicVxNet]);
        bars[0].QuerySelector(".usage-link")!.GetAttribute("href").ShouldBe($"vxnets?search={big}");
        bars[0].QuerySelector(".usage-count")!.TextContent.ShouldBe("5/252");
        bars[0].QuerySelector(".mud-progress-linear")!.GetAttribute("aria-valuenow").ShouldStartWith("1.98");
        var servers = page.FindAll("#fullest-servers .usage-bar");
        servers.Single().QuerySelector(".usage-link")!.GetAttribute("href").ShouldBe($"instances/{server}");
        servers.Single().QuerySelector(".usage-link")!.TextContent.ShouldBe("hosta");
        servers.Single().QuerySelector(".usage-count")!.TextContent.ShouldBe("3/64");
    }

    [Fact]
    public async Task ShowsJobsRunningAndFailedTheLatestOperationsAndTheActivityChart()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nics = await Harness.RequestNicsAsync(vxnet, 2);
        using (Harness.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down on host" : null))
        {
            await Harness.AttachAsync(server, nics[0]);
        }
        (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nics[1]], server)).Ok();
        await StoreAsync();

        var page = Render();

        page.Find("#jobs-pending").TextContent.ShouldBe("1");
        page.Find("#jobs-pending").GetAttribute("href").ShouldBe("jobs?status=pending");
        page.Find("#jobs-failed").TextContent.ShouldBe("1");
        page.Find("#jobs-failed").GetAttribute("href").ShouldBe("jobs?status=failed");
        page.Find(".failed-job").TextContent.ShouldContain("link down on host");
        var operations = page.FindAll("#latest-operations .operation-row");
        operations.Count.ShouldBe(10);
        operations[0].TextContent.ShouldContain("AttachNics");
        page.Find("#all-operations").GetAttribute("href").ShouldBe("operations");
        page.Find("#nic-activity .activity-total").TextContent.ShouldBe("创建 2 · 绑定 0 · 解绑 0");
        page.FindAll("#nic-activity svg").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AJobThatOutstaysTheLimitShowsAsStuckWithoutAnyChangeAndItsRetryRunsItAgain()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        var job = (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok().JobId;
        await StoreAsync();
        var page = Render();
        page.Find("#no-stuck-jobs");

        _time.Advance(TimeSpan.FromSeconds(121));

        page.WaitForAssertion(() => page.Find($".stuck-job[data-job='{job}'] .stuck-age").TextContent.ShouldBe("2 分 1 秒"));
        await page.Find($"#retry-{job}").ClickAsync(new MouseEventArgs());
        await WaitForAsync(async () => (await Harness.JobAsync(job)).StatusTime.ShouldBe(_time.GetUtcNow().UtcDateTime));
        _time.Advance(OverviewPage.ReloadInterval);
        page.WaitForAssertion(() => page.Find("#no-stuck-jobs"));
        await Harness.Jobs.RunAllPendingAsync();
        _time.Advance(OverviewPage.ReloadInterval);
        page.WaitForAssertion(() => page.Find("#jobs-pending").TextContent.ShouldBe("0"));
        (await Harness.NicAsync(nic)).Status.ShouldBe(NicStatus.InUse);
    }

    [Fact]
    public async Task AStuckJobWhoseNodeStillRenewsItsLeaseShowsItsRetryDisabledWithTheReason()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        var job = (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok().JobId;
        await using (var db = Harness.Db())
        {
            var working = await db.Jobs.SingleAsync(j => j.Id == job);
            working.Start("node-a", _time.GetUtcNow().UtcDateTime.AddMinutes(-3), TimeSpan.FromMinutes(4));
            await db.SaveChangesAsync();
        }
        await StoreAsync();

        var page = Render();

        var retry = page.Find($"#retry-{job}");
        retry.HasAttribute("disabled").ShouldBeTrue();
        retry.GetAttribute("title").ShouldNotBeNull().ShouldContain("node-a");
    }

    [Fact]
    public async Task ABurstOfChangesReloadsOnceAtTheEndOfTheInterval()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var store = await StoreAsync();
        var loads = 0;
        var refreshes = new List<RefreshOverviewAction>();
        var heard = 0;
        store.SubscribeToAction<LoadOverviewAction>(this, _ => Interlocked.Increment(ref loads));
        store.SubscribeToAction<RefreshOverviewAction>(this, refreshes.Add);
        store.SubscribeToAction<ResourcesChangedAction>(this, a => Interlocked.Add(ref heard, a.Changes.Count));
        var page = Render();
        page.Find("#count-nics .count-total").TextContent.ShouldBe("0");

        for (var i = 0; i < 5; i++)
        {
            await Harness.RequestNicsAsync(vxnet);
        }
        // The changes reach the page on the thread pool: all five are heard before the interval ends.
        for (var i = 0; i < 500 && Volatile.Read(ref heard) < 5; i++)
        {
            await Task.Delay(10);
        }
        await store.WhenIdle();
        await page.InvokeAsync(() => { });

        (loads, refreshes.Count).ShouldBe((1, 0));
        page.Find("#count-nics .count-total").TextContent.ShouldBe("0");
        _time.Advance(OverviewPage.ReloadInterval);
        page.WaitForAssertion(() => page.Find("#count-nics .count-total").TextContent.ShouldBe("5"));
        // One refresh with every change heard, counted from the changes: no whole read again.
        (loads, refreshes.Single().Changes.Count).ShouldBe((1, 5));
        page.FindAll("#fullest-vxnets .usage-bar").Single().GetAttribute("data-id").ShouldBe(vxnet);
    }

    [Fact]
    public async Task SpeaksEnglishInEnglish()
    {
        UseCulture("en-US");
        await Harness.CreateJoinedVxNetAsync();
        await StoreAsync();

        var page = Render();

        Status(page, "count-vxnets", "in-vpc").TextContent.ShouldContain("in a VPC");
        page.Find("#dashboard-jobs").TextContent.ShouldContain("Stuck jobs (over 120 s)");
        page.Find("#nic-activity .activity-total").TextContent.ShouldBe("0 created · 0 attached · 0 detached");
    }

    private static async Task WaitForAsync(Func<Task> assertion)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await assertion();
                return;
            }
            catch (ShouldAssertException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
