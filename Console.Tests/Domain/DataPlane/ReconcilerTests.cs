using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Domain.DataPlane;

/// <summary>The reconciler's desired state is the database's: live servers with their placed NICs, live VPCs with their legs.</summary>
public class ReconcilerTests : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TheDesiredStateHasEachLiveServerItsNicsAndEachVpcWithItsLegs()
    {
        var vpc = await _h.CreateVpcAsync();
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var web = await _h.RunServerAsync("web");
        var db = await _h.RunServerAsync("db");
        var gone = await _h.RunServerAsync("gone");
        var nic = (await _h.RequestNicsAsync(vxnet, 1, "172.16.1.100"))[0];
        await _h.AttachAsync(web, nic);
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [db])).Ok();
        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [gone])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var (desired, busy) = await _h.Get<Reconciler>().DesiredAsync(CancellationToken.None);

        desired.Servers.OrderBy(s => s.Id).ShouldBe(new[] { new ServerSpec(web, true), new ServerSpec(db, false) }.OrderBy(s => s.Id));
        desired.Nic(nic).ShouldBe(new NicSpec(nic, vxnet, web, 1, "172.16.1.100", 24, "172.16.1.1", true));
        desired.Nics.Where(n => n.ServerId == db).ShouldHaveSingleItem().ServerRunning.ShouldBeFalse();
        desired.Nics.ShouldNotContain(n => n.ServerId == gone);
        desired.Routers.Where(r => r.VpcId != RouterSpec.BasicId).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.VpcId.ShouldBe(vpc),
            r => r.Legs.Select(l => (l.VxNetId, l.Gateway, l.PrefixLength, l.Mac)).ShouldBe([(vxnet, "172.16.1.1", 24, "52:55:00:00:10:00")]));
        // vxnet-0 has a router of its own, for its gateway.
        desired.Routers.Single(r => r.VpcId == RouterSpec.BasicId).Legs.ShouldHaveSingleItem().VxNetId.ShouldBe(ResourceIds.BasicVxNet);
        (busy.Servers.Count, busy.Nics.Count, busy.Routers.Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task AConsoleWhoseHostIsNotTheRouterHostMakesItsServersButNoRouter()
    {
        await using var h = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Hosts:RouterHost"] = "h2" });
        await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var web = await h.RunServerAsync("web");

        var (desired, _) = await h.Get<Reconciler>().DesiredAsync(CancellationToken.None);

        desired.Servers.Select(s => s.Id).ShouldBe([web]);
        desired.Routers.ShouldBeEmpty("h2's agent runs every router");
    }

    [Fact]
    public async Task WhatARunningJobHoldsIsBusyAndEachPassIsRecorded()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync();
        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server)).Ok();

        var (_, busy) = await _h.Get<Reconciler>().DesiredAsync(CancellationToken.None);
        var report = await _h.Get<Reconciler>().RunAsync(apply: true, CancellationToken.None);

        busy.Nics.ShouldBe([nic]);
        busy.Servers.ShouldBeEmpty();
        report.Changes.ShouldBeEmpty();
        var status = _h.Get<DataPlaneMonitor>().Current;
        (status.Driver, status.IsReal, status.LastPass is not null).ShouldBe((SimulatedDataPlane.Name, false, true));
    }
}

public class DataPlaneDriverTests
{
    [Fact]
    public async Task AnUnknownDriverStopsTheStartNamingIt()
    {
        await using var h = new DomainHarness(new Dictionary<string, string?> { ["DataPlane:Driver"] = "Xen" });

        (await Should.ThrowAsync<InvalidOperationException>(h.InitializeAsync)).Message.ShouldContain("DataPlane:Driver=Xen is not a driver");
    }
}
