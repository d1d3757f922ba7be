using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Domain.DataPlane;

/// <summary>A job carries what the data plane needs, and the data plane is given exactly that.</summary>
public class JobSpecTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private readonly List<DataPlaneWork> _applied = [];
    private IDisposable _recording = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _recording = _h.DataPlane.FailWhen(work =>
        {
            lock (_applied)
            {
                _applied.Add(work);
            }
            return null;
        });
    }

    public async Task DisposeAsync()
    {
        _recording.Dispose();
        await _h.DisposeAsync();
    }

    private DataPlaneWork Applied(string jobId) => _applied.Single(w => w.JobId == jobId);

    [Fact]
    public async Task AnAttachStoresEachNicsPlacementAndTheDataPlaneGetsIt()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var server = await _h.RunServerAsync();
        var nic = (await _h.RequestNicsAsync(vxnet, 1, "172.16.1.100"))[0];

        var accepted = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server)).Ok();
        var stored = (await _h.JobAsync(accepted.JobId)).Spec;
        await _h.Jobs.RunAllPendingAsync();

        stored.Nics.ShouldBe([new NicSpec(nic, vxnet, server, 1, "172.16.1.100", 24, "172.16.1.1", ServerRunning: true)]);
        stored.Servers.ShouldBe([new ServerSpec(server, Running: true)]);
        Applied(accepted.JobId).ShouldBe(new DataPlaneWork(accepted.JobId, JobAction.AttachNics, stored), new WorkComparer());
    }

    [Fact]
    public async Task AServerIsMadeWithItsNicsAndAStopTakesItsLinksDown()
    {
        var run = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("web", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var server = run.ResourceIds[0];
        var made = Applied(run.JobId).Spec;
        made.Servers.ShouldBe([new ServerSpec(server, true)]);
        made.Nics.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            n => (n.ServerId, n.Sequence, n.Address, n.PrefixLength, n.VxNetId, n.ServerRunning).ShouldBe((server, 0, "10.120.7.40", 24, ResourceIds.BasicVxNet, true)),
            n => n.Gateway.ShouldNotBeNull());

        var stop = (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var stopped = Applied(stop.JobId).Spec;
        stopped.Servers.ShouldBe([new ServerSpec(server, false)]);
        stopped.Nics.ShouldHaveSingleItem().ServerRunning.ShouldBeFalse();
    }

    [Fact]
    public async Task AJoinCarriesTheRoutersLegWithTheGateway()
    {
        var vpc = await _h.CreateVpcAsync();
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "net")).Ok()[0];

        var join = (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, vpc, "172.16.9.0/24"))).Ok();
        await _h.Jobs.RunAllPendingAsync();

        Applied(join.JobId).Spec.Routers.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.VpcId.ShouldBe(vpc),
            r => r.Legs.Select(l => (l.VxNetId, l.Gateway, l.PrefixLength, l.Mac)).ShouldBe([(vxnet, "172.16.9.1", 24, "52:55:00:00:10:00")]));
    }

    /// <summary>Records hold lists, which compare by reference; compare what they say.</summary>
    private sealed class WorkComparer : IEqualityComparer<DataPlaneWork>
    {
        public bool Equals(DataPlaneWork? x, DataPlaneWork? y) =>
            x is not null && y is not null && x.JobId == y.JobId && x.Action == y.Action && DataPlaneJson.Write(x.Spec) == DataPlaneJson.Write(y.Spec);

        public int GetHashCode(DataPlaneWork obj) => obj.JobId.GetHashCode(StringComparison.Ordinal);
    }
}
