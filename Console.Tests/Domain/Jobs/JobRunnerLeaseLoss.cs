using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain.Jobs;

/// <summary>A node that loses a job's lease stops its data-plane call and leaves the job to whoever holds it now.</summary>
public class JobRunnerLeaseLoss : IAsyncLifetime
{
    /// <summary>Far longer than any wait in these tests: a call that runs to its end shows it was never cancelled.</summary>
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(15);

    private DomainHarness _slow = null!;

    public async Task InitializeAsync() =>
        _slow = await DomainHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Node:Id"] = "node-slow",
            ["Jobs:LeaseSeconds"] = "1",
            ["DataPlane:LatencyMilliseconds"] = ((int)Latency.TotalMilliseconds).ToString(),
        });

    public async Task DisposeAsync() => await _slow.DisposeAsync();

    [Fact]
    public async Task ATakenOverJobHasItsDataPlaneCallCancelledAndIsNotSettled()
    {
        var job = await AcceptedJobAsync();
        var clock = Stopwatch.StartNew();
        var running = _slow.Jobs.RunNextAsync(CancellationToken.None);
        await UntilWorkingAsync(job);

        await using (var db = _slow.Db())
        {
            var row = await db.Jobs.SingleAsync(j => j.Id == job);
            row.Requeue(3, DateTime.UtcNow).ShouldBeTrue();
            row.Start("node-b", DateTime.UtcNow, TimeSpan.FromMinutes(5));
            await db.SaveChangesAsync();
        }
        (await running).ShouldBeTrue();

        clock.Elapsed.ShouldBeLessThan(Latency / 3);
        var taken = await _slow.JobAsync(job);
        (taken.Status, taken.Node, taken.Attempts, taken.Error).ShouldBe((JobStatus.Working, "node-b", 2, null));
    }

    [Fact]
    public async Task AJobWhoseLeaseCannotBeRenewedBeforeItRunsOutHasItsCallCancelledAndIsLeftToRecovery()
    {
        var job = await AcceptedJobAsync();
        await using (var db = _slow.Db())
        {
            // Every renewal fails (the claim, from pending, and the settle, to an end, still go through).
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_renewals BEFORE UPDATE OF LeaseUntil ON Jobs
                WHEN OLD.Status = 'Working' AND NEW.Status = 'Working'
                BEGIN SELECT RAISE(ABORT, 'renewals refused by the test'); END
                """);
        }
        var clock = Stopwatch.StartNew();

        (await _slow.Jobs.RunNextAsync(CancellationToken.None)).ShouldBeTrue();

        clock.Elapsed.ShouldBeLessThan(Latency / 3);
        var left = await _slow.JobAsync(job);
        (left.Status, left.Node, left.Error).ShouldBe((JobStatus.Working, "node-slow", null));
        left.LeaseUntil!.Value.ShouldBeLessThan(DateTime.UtcNow.AddSeconds(1));
    }

    private async Task<string> AcceptedJobAsync() =>
        (await _slow.Get<CreateVpcs>().RunAsync(_slow.Context, "vpc", "172.16.0.0/16")).Ok().JobId;

    private async Task UntilWorkingAsync(string job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await _slow.JobAsync(job)).Status != JobStatus.Working)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(20);
        }
    }
}
