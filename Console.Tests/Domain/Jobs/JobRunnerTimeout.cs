using System.Diagnostics;

namespace NicConsole.Tests.Domain.Jobs;

/// <summary>Every data-plane call has <c>DataPlane:TimeoutSeconds</c>; shutdown is not a timeout.</summary>
public class JobRunnerTimeout : IAsyncLifetime
{
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(15);

    private DomainHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await DomainHarness.StartAsync(new Dictionary<string, string?>
        {
            ["DataPlane:TimeoutSeconds"] = "1",
            ["DataPlane:LatencyMilliseconds"] = ((int)Latency.TotalMilliseconds).ToString(),
        });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ACallPastTheLimitFailsTheJobWithAnErrorNamingTheLimitAndUndoesIt()
    {
        var accepted = (await _h.Get<CreateVpcs>().RunAsync(_h.Context, "vpc", "172.16.0.0/16")).Ok();
        var clock = Stopwatch.StartNew();

        (await _h.Jobs.RunNextAsync(CancellationToken.None)).ShouldBeTrue();

        clock.Elapsed.ShouldBeLessThan(Latency / 3);
        var job = await _h.JobAsync(accepted.JobId);
        job.Status.ShouldBe(JobStatus.Failed);
        job.Error.ShouldBe("the data plane did not answer within 1 s (DataPlane:TimeoutSeconds)");
        await using var db = _h.Db();
        db.Vpcs.Single(v => v.Id == accepted.ResourceIds[0]).Status.ShouldBe(VpcStatus.Ceased);
    }

    [Fact]
    public async Task ShutdownStopsTheCallAndLeavesTheJobWorkingForRecovery()
    {
        var accepted = (await _h.Get<CreateVpcs>().RunAsync(_h.Context, "vpc", "172.16.0.0/16")).Ok();
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => _h.Jobs.RunNextAsync(stopping.Token));

        var job = await _h.JobAsync(accepted.JobId);
        (job.Status, job.Error).ShouldBe((JobStatus.Working, null));
    }
}
