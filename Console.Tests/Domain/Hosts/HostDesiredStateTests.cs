using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Domain.Hosts;

public class HostDesiredStateTests : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        await _h.DrainAsync("h1");
        foreach (var (name, underlay) in new[] { ("h2", "192.0.2.12"), ("h3", "192.0.2.13") })
        {
            (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request(name, DomainHarness.Zone, underlay))).Ok();
            await _h.SetHostOnlineAsync(name, true);
        }
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<HostDesiredState> StateAsync(string host) => _h.Get<HostStates>().ForHostAsync(host, CancellationToken.None);

    [Fact]
    public async Task EachHostGetsItsServersAndForItsVxNetsTheOtherHostsMacsAndAddresses()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var a = await _h.RunServerAsync("a", vxnet);   // h2 (least loaded, by name)
        var b = await _h.RunServerAsync("b");          // h3, in vxnet-0 only
        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        await _h.AttachAsync(b, nic);
        int vxnetVni;
        await using (var db = _h.Db())
        {
            vxnetVni = await db.VxNets.Where(x => x.Id == vxnet).Select(x => x.Vni).SingleAsync();
        }
        var aMac = (await NicsOfAsync(a)).Single();

        var h2 = await StateAsync("h2");
        var h3 = await StateAsync("h3");

        h2.Servers.Select(s => (s.Id, s.Running)).ShouldBe([(a, true)]);
        h2.Nics.Select(n => (n.Mac, n.DeviceName, n.VxNetId)).ShouldBe([(aMac, "eth0", vxnet)]);
        h2.VxNets.Select(v => (v.VxNetId, v.Vni)).ShouldBe([(vxnet, vxnetVni)]);
        // The VxNet's gateway is on h1, the router host (here still at its local address).
        var gateway = new RemoteMac(RouterLeg.MacOf(vxnetVni), "127.0.0.1");
        h2.VxNets[0].Remote.ShouldBe([new RemoteMac(nic, "192.0.2.13"), gateway]);
        h2.VxNets[0].Flood.ShouldBe(["127.0.0.1", "192.0.2.13"]);
        h3.Servers.Select(s => s.Id).ShouldBe([b]);
        h3.VxNets.Select(v => v.VxNetId).ShouldBe([ResourceIds.BasicVxNet, vxnet]);
        h3.VxNets.Single(v => v.VxNetId == vxnet).Remote.ShouldBe([new RemoteMac(aMac, "192.0.2.12"), gateway]);
        h3.VxNets.Single(v => v.VxNetId == ResourceIds.BasicVxNet).Vni.ShouldBe(1);
        vxnetVni.ShouldBeGreaterThanOrEqualTo(4096);
        var h1 = await StateAsync("h1");
        h1.Servers.ShouldBeEmpty();
        h1.Routers!.Select(r => r.Legs.Select(l => l.VxNetId)).ShouldContain(legs => legs.Contains(vxnet), "h1 routes every VPC");
        h1.VxNets.Single(v => v.VxNetId == vxnet).Remote.Select(r => r.Underlay).ShouldBe(["192.0.2.12", "192.0.2.13"], ignoreOrder: true);

        var before = h2.ETag;
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();

        var detaching = await StateAsync("h2");
        detaching.VxNets.Single().Remote.ShouldBe([gateway], "a NIC being detached is no longer wanted anywhere");
        detaching.ETag.ShouldNotBe(before);
        await _h.Jobs.RunAllPendingAsync();
        (await StateAsync("h2")).ETag.ShouldBe(detaching.ETag);
        (await StateAsync("h3")).VxNets.Select(v => v.VxNetId).ShouldBe([ResourceIds.BasicVxNet]);
    }

    [Fact]
    public async Task AStoppedServersNicsAreWantedDownAndATerminatingServerIsNotWanted()
    {
        var server = await _h.RunServerAsync("s");
        var host = (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = [server] })).Ok().Items.Single().Host!;
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok();

        (await StateAsync(host)).Nics.Single().ServerRunning.ShouldBeFalse("the state is where the stop leaves it");
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [server])).Ok();

        (await StateAsync(host)).Servers.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhatAnAgentIsServedIsWhatIsReadNowAfterEveryChange()
    {
        // An agent is served from what this node last heard (each VxNet's NICs, the hosts' addresses), a job compares
        // with the database: each step below first serves every host (so what is kept is warm), then changes something.
        var states = _h.Get<HostStates>();
        async Task SameAsync(string step)
        {
            foreach (var host in new[] { "h1", "h2", "h3" })
            {
                var served = await states.ServeAsync(host, CancellationToken.None);
                served.ETag.ShouldBe((await StateAsync(host)).ETag, $"{host}, after {step}");
            }
        }
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await SameAsync("a VxNet joined its VPC");
        var a = await _h.RunServerAsync("a", vxnet);
        await SameAsync("a server launched in it on h2");
        var b = await _h.RunServerAsync("b");
        await SameAsync("a server launched in vxnet-0 on h3");
        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        await _h.AttachAsync(b, nic);
        (await states.ServeAsync("h2", CancellationToken.None)).VxNets.Single(v => v.VxNetId == vxnet).Remote.Select(r => r.Mac).ShouldContain(nic);
        await SameAsync("a NIC of the VxNet attached on h3");
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();
        await SameAsync("its detach accepted");
        await _h.Jobs.RunAllPendingAsync();
        await SameAsync("its detach done");
        (await _h.Get<ModifyHost>().RunAsync(_h.Context, new ModifyHost.Request("h3", Underlay: "192.0.2.33"))).Ok();
        await SameAsync("h3's underlay changed");
        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [a])).Ok();
        await SameAsync("h2's server terminating");
        await _h.SetHostOnlineAsync("h1", false);
        await SameAsync("the router host offline");
        (await states.ServeAsync("h2", CancellationToken.None)).Routers.ShouldNotBeEmpty("h2 stands in for h1");
        (await states.ServeAsync("h1", CancellationToken.None)).Routers.ShouldBeEmpty();
        await _h.SetHostOnlineAsync("h1", true);
        await SameAsync("the router host back");
        (await states.ServeAsync("h2", CancellationToken.None)).Routers.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAddressChangedByAnotherProcessReachesWhatAgentsAreServedAtTheDirectorysReread()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await _h.RunServerAsync("a", vxnet);
        await _h.RunServerAsync("b", vxnet);
        var states = _h.Get<HostStates>();
        (await states.ServeAsync("h2", CancellationToken.None)).VxNets.Single(v => v.VxNetId == vxnet).Flood.ShouldContain("192.0.2.13");

        // Another process (the command line) changes h3's address: this node does not hear it.
        await using (var db = _h.Db())
        {
            await db.Hosts.Where(h => h.Name == "h3").ExecuteUpdateAsync(s => s.SetProperty(h => h.Underlay, "192.0.2.33"));
        }
        _h.Get<HostDirectory>().Forget(); // what the status worker does each minute

        var served = await states.ServeAsync("h2", CancellationToken.None);
        served.VxNets.Single(v => v.VxNetId == vxnet).Remote.Select(r => r.Underlay).ShouldNotContain("192.0.2.13");
        served.ETag.ShouldBe((await StateAsync("h2")).ETag);
    }

    [Fact]
    public async Task TheRouterHostStaysKnownWhileTheHostsAreReadAgain()
    {
        var directory = _h.Get<HostDirectory>();
        await _h.SetHostOnlineAsync("h1", false);
        await directory.HostsAsync(CancellationToken.None);
        directory.KnownRouterHost.ShouldBe("h2");

        directory.Forget();

        directory.KnownRouterHost.ShouldBe("h2", "a VPC change meanwhile still wakes the stand-in");
    }

    [Fact]
    public void ReportsAreToldApartWhateverTheClock()
    {
        var reports = new HostReports(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        reports.Heard("h2", new AgentReport("\"a\"", [], [], []));
        var first = reports.Last("h2")!.Value;
        reports.Heard("h2", new AgentReport("\"a\"", [], [], []));

        (reports.Last("h2")!.Value.At, reports.Last("h2")!.Value.Number).ShouldBe((first.At, first.Number + 1));
    }

    [Theory]
    [InlineData("h1", "h1:on h2:on h3:on", "h1", "the configured host while it is online")]
    [InlineData("h1", "h1:off h3:on h2:on", "h2", "else the first online host by name")]
    [InlineData("h1", "h1:off h2:off", "h1", "with none online, the configured one")]
    [InlineData("r9", "h1:on", "r9", "a configured host not registered: nothing to choose between")]
    public void TheRouterHostIsTheConfiguredOneWhileOnline(string configured, string hosts, string expected, string why)
    {
        var online = hosts.Split(' ').Select(h => h.Split(':')).ToDictionary(h => h[0], h => h[1] == "on");

        HostDirectory.RouterHost(configured, online).ShouldBe(expected, why);
    }

    [Fact]
    public async Task AgentsWokenByOneChangeShareOneReadOfTheVxNet()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await _h.RunServerAsync("a", vxnet);
        var b = await _h.RunServerAsync("b");
        var presence = _h.Get<VxNetPresence>();

        var reads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => presence.KnownAsync([vxnet], CancellationToken.None))));
        reads.Select(r => r[vxnet]).Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(1, "one read for all");
        var before = reads[0][vxnet];
        before.Macs.Select(m => m.Host).ShouldBe(["h2"]);

        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        await _h.AttachAsync(b, nic);
        var after = (await presence.KnownAsync([vxnet], CancellationToken.None))[vxnet];
        after.ShouldNotBeSameAs(before, "the attach touched the VxNet: it is read again");
        after.Macs.Single(m => m.Mac == nic).ShouldBe(new PlacedMac(nic, "h3", "192.0.2.13"));
        (await presence.KnownAsync([vxnet, ResourceIds.BasicVxNet, "vxnet-none"], CancellationToken.None)).Keys
            .ShouldBe([vxnet, ResourceIds.BasicVxNet], ignoreOrder: true, "a VxNet that does not exist is not there");
    }

    [Fact]
    public async Task NewVxNetsTakeDistinctVnisAndVxNetZeroHasOne()
    {
        var ids = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "n", count: 5)).Ok();
        ids = [.. ids, .. (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "m", count: 2)).Ok()];

        await using var db = _h.Db();
        var vnis = await db.VxNets.ToDictionaryAsync(x => x.Id, x => x.Vni);
        vnis[ResourceIds.BasicVxNet].ShouldBe(1);
        ids.Select(id => vnis[id]).ShouldBe(Enumerable.Range(4096, 7));
    }

    private async Task<List<string>> NicsOfAsync(string server)
    {
        await using var db = _h.Db();
        return await db.Nics.Where(n => n.InstanceId == server).Select(n => n.Id).ToListAsync();
    }
}
