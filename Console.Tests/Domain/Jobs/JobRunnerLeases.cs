using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain.Jobs;

/// <summary>Two nodes' job runners on one database: each job runs on one node, and only a job whose node stopped is taken over.</summary>
public class JobRunnerLeases : IAsyncLifetime
{
    private DomainHarness _a = null!;
    private DomainHarness _b = null!;

    public async Task InitializeAsync()
    {
        _a = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Node:Id"] = "node-a", ["DataPlane:LatencyMilliseconds"] = "20" });
        _b = await NodeOnTheSameDatabaseAsync("node-b", new() { ["DataPlane:LatencyMilliseconds"] = "20" });
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task TwoRunnersOnOneDatabaseNeverRunTheSameJob()
    {
        var jobs = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            jobs.Add(await AcceptedJobAsync());
        }
        var applied = new ConcurrentQueue<(string Node, string Job)>();
        using var onA = _a.DataPlane.FailWhen(work => Record(applied, "node-a", work.JobId));
        using var onB = _b.DataPlane.FailWhen(work => Record(applied, "node-b", work.JobId));

        await Task.WhenAll(
            _a.Jobs.RunAllPendingAsync(), _a.Jobs.RunAllPendingAsync(),
            _b.Jobs.RunAllPendingAsync(), _b.Jobs.RunAllPendingAsync());

        applied.Select(a => a.Job).ShouldBe(jobs, ignoreOrder: true);
        await using var db = _a.Db();
        var rows = await db.Jobs.AsNoTracking().Where(j => jobs.Contains(j.Id)).ToListAsync();
        rows.ShouldAllBe(j => j.Status == JobStatus.Successful && j.Attempts == 1 && j.LeaseUntil == null);
        rows.Select(j => (j.Node!, j.Id)).ShouldBe(applied, ignoreOrder: true);
    }

    [Fact]
    public async Task AClaimFromAStaleReadFailsItsConcurrencyCheck()
    {
        var job = await AcceptedJobAsync();
        await using var first = _a.Db();
        await using var second = _b.Db();
        var one = await first.Jobs.SingleAsync(j => j.Id == job);
        var two = await second.Jobs.SingleAsync(j => j.Id == job);
        one.Start("node-a", DateTime.UtcNow, TimeSpan.FromSeconds(30));
        two.Start("node-b", DateTime.UtcNow, TimeSpan.FromSeconds(30));

        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        (await _a.JobAsync(job)).Node.ShouldBe("node-a");
    }

    [Fact]
    public async Task AWorkingJobWithALiveLeaseIsNotRequeued()
    {
        var job = await AcceptedJobAsync();
        await HoldAsync(job, "node-b", DateTime.UtcNow);

        await _a.Jobs.RecoverAsync(CancellationToken.None);
        await _a.Jobs.RunAllPendingAsync();

        var held = await _a.JobAsync(job);
        held.Status.ShouldBe(JobStatus.Working);
        held.Node.ShouldBe("node-b");
        held.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task AWorkingJobWhoseLeaseExpiredIsRequeuedAndRunByAnotherNode()
    {
        var job = await AcceptedJobAsync();
        await HoldAsync(job, "node-b", DateTime.UtcNow.AddMinutes(-10));

        await _a.Jobs.RecoverAsync(CancellationToken.None);

        var requeued = await _a.JobAsync(job);
        requeued.Status.ShouldBe(JobStatus.Pending);
        requeued.Node.ShouldBeNull();
        await _a.Jobs.RunAllPendingAsync();
        var done = await _a.JobAsync(job);
        done.Status.ShouldBe(JobStatus.Successful);
        done.Node.ShouldBe("node-a");
        done.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task AfterARestartANodeTakesBackTheJobsItsIdHeldButNotOtherNodes()
    {
        var mine = await AcceptedJobAsync();
        var theirs = await AcceptedJobAsync();
        await HoldAsync(mine, "node-a", DateTime.UtcNow);
        await HoldAsync(theirs, "node-b", DateTime.UtcNow);

        await _a.Jobs.RecoverAsync(CancellationToken.None, afterRestart: true);

        (await _a.JobAsync(mine)).Status.ShouldBe(JobStatus.Pending);
        (await _a.JobAsync(theirs)).Status.ShouldBe(JobStatus.Working);
    }

    [Fact]
    public async Task ARunningJobRenewsItsLeaseSoAnotherNodeLeavesItAlone()
    {
        await using var slow = await NodeOnTheSameDatabaseAsync("node-slow", new() { ["Jobs:LeaseSeconds"] = "1", ["DataPlane:LatencyMilliseconds"] = "2500" });
        var job = await AcceptedJobAsync();

        var running = slow.Jobs.RunNextAsync(CancellationToken.None);
        await UntilAsync(async () => (await _a.JobAsync(job)).Status == JobStatus.Working);
        await Task.Delay(1_600);
        await _b.Jobs.RecoverAsync(CancellationToken.None);

        var held = await _a.JobAsync(job);
        held.Status.ShouldBe(JobStatus.Working);
        held.Node.ShouldBe("node-slow");
        held.LeaseUntil!.Value.ShouldBeGreaterThan(DateTime.UtcNow);
        (await running).ShouldBeTrue();
        var done = await _a.JobAsync(job);
        done.Status.ShouldBe(JobStatus.Successful);
        done.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ANodeWhoseJobWasTakenOverDoesNotSettleIt()
    {
        await using var slow = await NodeOnTheSameDatabaseAsync("node-slow", new() { ["DataPlane:LatencyMilliseconds"] = "1000" });
        var job = await AcceptedJobAsync();
        var running = slow.Jobs.RunNextAsync(CancellationToken.None);
        await UntilAsync(async () => (await _a.JobAsync(job)).Status == JobStatus.Working);

        await using (var db = _a.Db())
        {
            var row = await db.Jobs.SingleAsync(j => j.Id == job);
            row.Requeue(3, DateTime.UtcNow).ShouldBeTrue();
            row.Start("node-b", DateTime.UtcNow, TimeSpan.FromMinutes(5));
            await db.SaveChangesAsync();
        }
        (await running).ShouldBeTrue();

        var taken = await _a.JobAsync(job);
        taken.Status.ShouldBe(JobStatus.Working);
        taken.Node.ShouldBe("node-b");
        taken.Attempts.ShouldBe(2);
    }

    private async Task<DomainHarness> NodeOnTheSameDatabaseAsync(string node, Dictionary<string, string?> settings)
    {
        settings["Node:Id"] = node;
        settings["ConnectionStrings:Default"] = $"Data Source={_a.DatabasePath}";
        return await DomainHarness.StartAsync(settings);
    }

    private async Task<string> AcceptedJobAsync() =>
        (await _a.Get<CreateVpcs>().RunAsync(_a.Context, "vpc", "172.16.0.0/16")).Ok().JobId;

    /// <summary>A node took the job at <paramref name="at"/> with a 30 s lease, and has not finished it.</summary>
    private async Task HoldAsync(string jobId, string node, DateTime at)
    {
        await using var db = _a.Db();
        (await db.Jobs.SingleAsync(j => j.Id == jobId)).Start(node, at, TimeSpan.FromSeconds(30));
        await db.SaveChangesAsync();
    }

    private static string? Record(ConcurrentQueue<(string Node, string Job)> applied, string node, string jobId)
    {
        applied.Enqueue((node, jobId));
        return null;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(20);
        }
    }
}
