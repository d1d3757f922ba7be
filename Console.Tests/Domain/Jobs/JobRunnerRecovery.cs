using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain.Jobs;

public class JobRunnerRecovery : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _server = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:MaxAttempts"] = "2" });
        var vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _nic = (await _h.RequestNicsAsync(vxnet))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AJobLeftWorkingRunsAgainAfterARestart()
    {
        var job = (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok().JobId;
        await LeaveWorkingAsync(job);

        await _h.Jobs.RecoverAsync(CancellationToken.None);
        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Pending);
        await _h.Jobs.RunAllPendingAsync();

        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Successful);
        (await _h.NicAsync(_nic)).Status.ShouldBe(NicStatus.InUse);
    }

    [Fact]
    public async Task AJobInterruptedTooOftenFailsAndIsUndone()
    {
        var job = (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok().JobId;
        await LeaveWorkingAsync(job);
        await _h.Jobs.RecoverAsync(CancellationToken.None);
        await LeaveWorkingAsync(job);

        await _h.Jobs.RecoverAsync(CancellationToken.None);

        var failed = await _h.JobAsync(job);
        failed.Status.ShouldBe(JobStatus.Failed);
        failed.Error.ShouldBe(JobRunner.RestartError);
        var nic = await _h.NicAsync(_nic);
        nic.Status.ShouldBe(NicStatus.Available);
        nic.Transition.ShouldBe(Transition.None);
        nic.InstanceId.ShouldBeNull();
    }

    [Fact]
    public async Task NoJobIsLeftPendingOrWorkingAfterTheWorkerDrains()
    {
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok();
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [await _h.RunServerAsync("b")])).Ok();

        await _h.Jobs.RunAllPendingAsync();

        await using var db = _h.Db();
        (await db.Jobs.CountAsync(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working)).ShouldBe(0);
    }

    /// <summary>What a crash leaves: the job claimed (working), and the node gone before it finished, its lease run out.</summary>
    private async Task LeaveWorkingAsync(string jobId)
    {
        await using var db = _h.Db();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        job.Start("crashed-node", DateTime.UtcNow.AddMinutes(-10), TimeSpan.FromSeconds(30));
        await db.SaveChangesAsync();
    }
}
