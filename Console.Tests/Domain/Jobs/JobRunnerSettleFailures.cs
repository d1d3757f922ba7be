using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain.Jobs;

/// <summary>A settle that fails the same way every time ends the job as failed instead of holding a worker forever.</summary>
public class JobRunnerSettleFailures : IAsyncLifetime
{
    /// <summary>Far longer than the few settle attempts take (about a second); an endless retry runs into it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private DomainHarness _h = null!;
    private string _server = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:SettleAttempts"] = "3" });
        var vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _nic = (await _h.RequestNicsAsync(vxnet))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ASettleThatKeepsFailingTheSameWayFailsTheJobWithThatErrorAndUndoesIt()
    {
        var job = (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok().JobId;
        await RefuseJobsEndingAsAsync("Successful");

        await WithinPatienceAsync(_h.Jobs.RunNextAsync(CancellationToken.None));

        var failed = await _h.JobAsync(job);
        failed.Status.ShouldBe(JobStatus.Failed);
        failed.Error.ShouldStartWith("settling the job failed 3 times: ");
        failed.Error.ShouldContain("the disk refuses");
        var nic = await _h.NicAsync(_nic);
        (nic.Status, nic.Transition, nic.InstanceId).ShouldBe((NicStatus.Available, Transition.None, null));
    }

    [Fact]
    public async Task WhenEvenFailingTheJobFailsTheWorkerLetsGoAndLeavesItToRecovery()
    {
        var job = (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok().JobId;
        await RefuseJobsEndingAsAsync("Successful", "Failed");

        (await WithinPatienceAsync(_h.Jobs.RunNextAsync(CancellationToken.None))).ShouldBeTrue();

        var left = await _h.JobAsync(job);
        (left.Status, left.Node, left.Error).ShouldBe((JobStatus.Working, _h.Jobs.Node, null));
        left.LeaseUntil.ShouldNotBeNull();
    }

    /// <summary>A fault only the database knows: every update that ends a job with one of <paramref name="statuses"/> aborts.</summary>
    private async Task RefuseJobsEndingAsAsync(params string[] statuses)
    {
        await using var db = _h.Db();
        var ends = string.Join(", ", statuses.Select(s => $"'{s}'"));
        var trigger = $"""
            CREATE TRIGGER refuse_job_ends BEFORE UPDATE OF Status ON Jobs
            WHEN NEW.Status IN ({ends})
            BEGIN SELECT RAISE(ABORT, 'the disk refuses'); END
            """;
        await db.Database.ExecuteSqlRawAsync(trigger);
    }

    private static async Task<T> WithinPatienceAsync<T>(Task<T> task)
    {
        (await Task.WhenAny(task, Task.Delay(Patience))).ShouldBe(task, "the runner is still settling");
        return await task;
    }
}
