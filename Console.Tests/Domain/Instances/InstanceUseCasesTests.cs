namespace NicConsole.Tests.Domain.Instances;

public class InstanceUseCasesTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task LaunchesWithAPrimaryNicAsEth0()
    {
        var accepted = (await _h.Get<RunInstances>().RunAsync(_h.Context,
            new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40"), new NetworkChoice(_vxnet)]))).Ok();
        var pending = (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = accepted.ResourceIds })).Ok().Items.Single();
        await _h.Jobs.RunAllPendingAsync();
        var running = (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = accepted.ResourceIds })).Ok().Items.Single();

        pending.Status.ShouldBe(InstanceStatus.Pending);
        running.Status.ShouldBe(InstanceStatus.Running);
        running.Nics.Select(n => (n.Sequence, n.Role, n.PrivateIp.ToString(), n.Status)).ShouldBe(
            [(0, NicRole.Primary, "10.120.7.40", NicStatus.InUse), (1, NicRole.Secondary, "172.16.1.2", NicStatus.InUse)]);
    }

    [Fact]
    public async Task MoreThan64NetworksAtLaunchAreRefusedWithTheirCount()
    {
        var networks = Enumerable.Repeat(new NetworkChoice(_vxnet), 65).ToList();

        var refused = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("wide", networks))).Refused(RetCode.QuotaExceeded);

        refused.EnglishMessage.ShouldContain("65");
        (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery())).Ok().TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(1, 63, null)]
    [InlineData(63, 1, null)]
    [InlineData(64, 1, "ServerFull")]
    [InlineData(60, 5, "ServerFull")]
    public void AServerTakes64NicsInAll(int used, int adding, string? refusal) =>
        (InstanceRules.CapacityRefusal("i-1", used, adding)?.Key).ShouldBe(refusal);

    [Fact]
    public async Task APinnedAddressMustBeFreeAndAssignable()
    {
        await _h.RunServerAsync();
        var taken = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery())).Ok().Items.Single().PrivateIp.ToString();

        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", [new NetworkChoice(ResourceIds.BasicVxNet, taken)]))).Refused(RetCode.ResourceAlreadyExists);
        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.1")]))).Refused(RetCode.InvalidParameter);
        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.9")], Count: 2))).Refused(RetCode.InvalidParameter);
        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", []))).Refused(RetCode.InvalidParameter);
    }

    [Fact]
    public async Task ANetworkOutsideAnyVpcIsRefused()
    {
        var loose = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok()[0];

        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", [new NetworkChoice(loose)]))).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task StopsAndStartsOnlyFromTheRightState()
    {
        var server = await _h.RunServerAsync();

        (await _h.Get<StartInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.PermissionDenied);
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok();
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.PermissionDenied);
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<StartInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<RestartInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = [server] })).Ok().Items.Single().Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public async Task DetachesFromAStoppedServer()
    {
        var server = await _h.RunServerAsync();
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(server, nic);
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();
    }

    [Fact]
    public async Task TerminationTakesThePrimaryNicAndReleasesTheOthers()
    {
        var server = await _h.RunServerAsync();
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(server, nic);

        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = [server] })).Ok().TotalCount.ShouldBe(0);
        var nics = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery())).Ok().Items;
        var left = nics.ShouldHaveSingleItem();
        left.Id.ShouldBe(nic);
        left.Status.ShouldBe(NicStatus.Available);
        left.InstanceId.ShouldBeNull();
        (await _h.Get<StartInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.ResourceNotFound);
    }

    [Fact]
    public async Task AServerWhoseNicsAreMovingWaits()
    {
        var server = await _h.RunServerAsync();
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server)).Ok();

        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.PermissionDenied);
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task AFailedLaunchLeavesNoServerAndFreesItsAddresses()
    {
        using var failure = _h.DataPlane.FailWhen(w => w.Action == JobAction.RunInstances ? "no capacity" : null);

        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("b", [new NetworkChoice(_vxnet, "172.16.1.20")]))).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery())).Ok().TotalCount.ShouldBe(0);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery())).Ok().TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task AllServersInARequestChangeOrNoneDo()
    {
        var running = await _h.RunServerAsync("a");
        var stopped = await _h.RunServerAsync("b");
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [stopped])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var snapshot = await _h.SnapshotAsync();

        (await _h.Get<StopInstances>().RunAsync(_h.Context, [running, stopped])).Refused(RetCode.PermissionDenied);

        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }
}
