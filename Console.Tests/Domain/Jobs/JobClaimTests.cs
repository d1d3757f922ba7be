using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain.Jobs;

/// <summary>The claim of a pending job: one UPDATE that only one worker wins, and nothing written while there is nothing to claim.</summary>
public sealed class JobClaimTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnIdleNodeWithItsWorkersPollingWritesNothing()
    {
        await using var app = new ApiFactory();
        _ = app.Server; // starts the job worker: 4 workers polling every 50 ms
        await Task.Delay(500);
        using var sql = new SqlCapture(app.DatabasePath);

        await Task.Delay(TimeSpan.FromSeconds(2));

        var polls = sql.Commands.Count(c => c.Contains("FROM \"Jobs\"", StringComparison.Ordinal));
        output.WriteLine($"idle for 2 s: {polls} reads of the job queue, {sql.Transactions} transactions, "
            + $"{sql.Commands.Count(c => c.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal))} updates");
        polls.ShouldBeGreaterThan(10, "the workers do poll");
        sql.Transactions.ShouldBe(0, "an idle poll takes no write lock");
        sql.Commands.ShouldNotContain(c => c.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EightWorkersRacingForTwentyJobsRunEachOnceAndClaimEachOnce()
    {
        await using var h = await DomainHarness.StartAsync();
        var vxnet = await h.CreateJoinedVxNetAsync();
        var servers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            servers.Add((await h.Get<RunInstances>().RunAsync(h.Context, new RunInstances.Request($"s{i}", [new NetworkChoice(vxnet)]))).Ok().ResourceIds[0]);
        }
        var applied = new ConcurrentBag<string>();
        using var _ = h.DataPlane.FailWhen(work =>
        {
            applied.Add(work.JobId);
            return null;
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.Jobs.RunAllPendingAsync())));

        await using var db = h.Db();
        var jobs = await db.Jobs.IgnoreQueryFilters().Where(j => j.Action == JobAction.RunInstances).ToListAsync();
        jobs.Count.ShouldBe(20);
        jobs.ShouldAllBe(j => j.Status == JobStatus.Successful && j.Attempts == 1);
        applied.Order().ShouldBe(jobs.Select(j => j.Id).Order(), "each job's effect ran once");
    }
}
