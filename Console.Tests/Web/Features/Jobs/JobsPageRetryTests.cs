using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Web.Features.Jobs;

namespace NicConsole.Tests.Web.Features.Jobs;

public class JobsPageRetryTests : ConsoleTestContext
{
    private readonly FakeTimeProvider _time;

    public JobsPageRetryTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)))
    {
    }

    private JobsPageRetryTests(FakeTimeProvider time)
        : base(time) => _time = time;

    /// <summary>A NIC attach whose job is left pending (no worker runs in tests).</summary>
    private async Task<(string Job, string Nic)> PendingAttachAsync()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        var nic = (await Harness.RequestNicsAsync(vxnet))[0];
        return ((await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok().JobId, nic);
    }

    private IRenderedComponent<JobsPage> Render()
    {
        RenderWithProviders<JobsPage>(out var page);
        page.WaitForAssertion(() => Rows(page).Count.ShouldBeGreaterThan(0));
        return page;
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<JobsPage> page) => page.FindAll("#jobs-grid tbody tr.job-row");

    private static IElement Row(IRenderedComponent<JobsPage> page, string action) => Rows(page).Single(r => r.TextContent.Contains(action));

    private async Task<IElement> RetryItemAsync(IRenderedComponent<JobsPage> page, string action)
    {
        await Row(page, action).ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-job-retry"));
        return Popovers.Find("#menu-job-retry");
    }

    [Fact]
    public async Task ARunningJobWithinTheLimitCannotBeRetriedAndTheMenuSaysWhy()
    {
        await PendingAttachAsync();
        await StoreAsync();
        var page = Render();
        _time.Advance(TimeSpan.FromSeconds(30));

        var item = await RetryItemAsync(page, "AttachNics");

        item.GetAttribute("aria-disabled").ShouldBe("true");
        item.TextContent.ShouldContain("才 30 秒");
        item.TextContent.ShouldContain("超过 120 秒的任务才算卡住");
        Row(page, "AttachNics").QuerySelector(".stuck-chip").ShouldBeNull();
    }

    [Fact]
    public async Task AnEndedJobCannotBeRetried()
    {
        await PendingAttachAsync();
        await StoreAsync();
        var page = Render();

        var item = await RetryItemAsync(page, "RunInstances");

        item.GetAttribute("aria-disabled").ShouldBe("true");
        item.TextContent.ShouldContain("已结束");
    }

    [Fact]
    public async Task AJobPastTheLimitIsFlaggedAndItsRetryPutsItBackInTheQueue()
    {
        var (job, nic) = await PendingAttachAsync();
        await StoreAsync();
        var page = Render();

        _time.Advance(TimeSpan.FromMinutes(3));

        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".stuck-chip")!.TextContent.ShouldContain("卡住 3 分 0 秒"));
        var item = await RetryItemAsync(page, "AttachNics");
        item.GetAttribute("aria-disabled").ShouldNotBe("true");
        await item.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".stuck-chip").ShouldBeNull());
        (await Harness.JobAsync(job)).StatusTime.ShouldBe(_time.GetUtcNow().UtcDateTime);
        await Harness.Jobs.RunAllPendingAsync();
        page.WaitForAssertion(() => Row(page, "AttachNics").QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("successful"));
        (await Harness.NicAsync(nic)).Status.ShouldBe(NicStatus.InUse);
    }

    [Fact]
    public async Task OpensFilteredByTheStatusInItsAddress()
    {
        await PendingAttachAsync();
        await StoreAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("jobs?status=pending");

        var page = Render();

        Rows(page).Single().TextContent.ShouldContain("AttachNics");
        page.Find(".list-total").TextContent.ShouldBe("1");
    }
}
