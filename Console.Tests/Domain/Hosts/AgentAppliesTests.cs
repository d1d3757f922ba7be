using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Domain.Hosts;

/// <summary>A job for a server on another host: done when that host's agent reports the state applied; failed, saying so, when the host is offline.</summary>
public class AgentAppliesTests : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Hosts:WaitForAgents"] = "true", ["DataPlane:TimeoutSeconds"] = "5" });
        await _h.DrainAsync("h1");
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request("h2", DomainHarness.Zone, "192.0.2.12"))).Ok();
        await _h.SetHostOnlineAsync("h2", true);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<string> AcceptLaunchAsync() =>
        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("remote", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().JobId;

    [Fact]
    public async Task AJobForARemoteServerSucceedsOnceTheAgentReportsTheStateThatIncludesIt()
    {
        var jobId = await AcceptLaunchAsync();
        var running = _h.Jobs.RunAllPendingAsync();
        await Task.Delay(300);
        (await _h.JobAsync(jobId)).Status.ShouldBe(JobStatus.Working, "it waits for h2's agent");

        var state = await _h.Get<HostStates>().ForHostAsync("h2", CancellationToken.None);
        _h.Get<HostReports>().Heard("h2", new AgentReport(state.ETag, ["ip netns add nc-i-…"], [], []));
        await running;

        (await _h.JobAsync(jobId)).Status.ShouldBe(JobStatus.Successful);
    }

    [Fact]
    public async Task AReportOfAnEarlierStateOrWithErrorsDoesNotSettleTheJob()
    {
        var before = await _h.Get<HostStates>().ForHostAsync("h2", CancellationToken.None);
        var jobId = await AcceptLaunchAsync();
        var running = _h.Jobs.RunAllPendingAsync();
        var reports = _h.Get<HostReports>();

        reports.Heard("h2", new AgentReport(before.ETag, [], [], []));
        await Task.Delay(300);
        (await _h.JobAsync(jobId)).Status.ShouldBe(JobStatus.Working, "the agent applied the state before the launch");
        var state = await _h.Get<HostStates>().ForHostAsync("h2", CancellationToken.None);
        state.ETag.ShouldNotBe(before.ETag);
        reports.Heard("h2", new AgentReport(state.ETag, [], ["ip link add …: RTNETLINK answers: File exists"], []));
        await Task.Delay(300);
        (await _h.JobAsync(jobId)).Status.ShouldBe(JobStatus.Working, "it applied the launch's state, but with an error");

        reports.Heard("h2", new AgentReport(state.ETag, ["ip link add …"], [], []));
        await running;

        (await _h.JobAsync(jobId)).Status.ShouldBe(JobStatus.Successful);
    }

    [Fact]
    public async Task AJobForAServerOnAnOfflineHostFailsSayingSoAndIsUndone()
    {
        var jobId = await AcceptLaunchAsync();
        await _h.SetHostOnlineAsync("h2", false);

        await _h.Jobs.RunAllPendingAsync();

        var job = await _h.JobAsync(jobId);
        (job.Status, job.Error).ShouldBe((JobStatus.Failed, "host h2 is offline"));
        await using var db = _h.Db();
        (await db.Instances.SingleAsync(i => i.Name == "remote")).Status.ShouldBe(InstanceStatus.Terminated, "a launch that failed is undone");
    }
}
