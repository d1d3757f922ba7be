using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;
using NicConsole.Tests.Support.Linux;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>
/// Three hosts on one machine, each a namespace of the test's own with an underlay address from 192.0.2.0/24 on a
/// bridge in another namespace of the test's own; each host's data plane brought to its desired state as its agent
/// would. Servers on different hosts in one VxNet talk over VXLAN; what a host no longer needs goes. On one machine every
/// host's data plane has a prefix of its own (<c>{prefix}h2-…</c>), as separate machines would: each sweeps only its own.
/// </summary>
[Collection(LinuxAlone.Name)]
public sealed class VxlanAcrossHostsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly (string Name, string Underlay)[] Hosts = LinuxUnderlay.ThreeHosts;

    private readonly string _prefix = LinuxNamespaces.NewPrefix();
    private DomainHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        var admin = _h.Context;
        (await _h.Get<ModifyHost>().RunAsync(admin, new ModifyHost.Request("h1", Underlay: "192.0.2.11"))).Ok();
        foreach (var (name, underlay) in Hosts.Skip(1))
        {
            (await _h.Get<RegisterHost>().RunAsync(admin, new RegisterHost.Request(name, DomainHarness.Zone, underlay))).Ok();
            await _h.SetHostOnlineAsync(name, true);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, _) in Hosts)
        {
            LinuxNamespaces.DeleteAll(PrefixOf(name));
        }
        LinuxNamespaces.DeleteAll(_prefix);
        await _h.DisposeAsync();
    }

    private string PrefixOf(string host) => _prefix + host;

    private string Space(string host, string name) => $"{PrefixOf(host)}-{name}";

    private void Underlay() => LinuxUnderlay.Build(_prefix, Hosts, name => Space(name, name));

    private LinuxDataPlane DataPlaneOf(string host) =>
        LinuxDataPlane.Start(new DataPlaneGate(), new Monitor(new DataPlaneOptions { Driver = "Linux", Prefix = PrefixOf(host), Host = host }), NullLoggerFactory.Instance);

    /// <summary>What each agent (but those of <paramref name="dead"/>) does with its host's desired state: one pass each; returns every change made.</summary>
    private async Task<List<string>> ApplyAllAsync(params string[] dead)
    {
        var changes = new List<string>();
        foreach (var (name, _) in Hosts.Where(h => !dead.Contains(h.Name)))
        {
            var state = await _h.Get<HostStates>().ForHostAsync(name, CancellationToken.None);
            var report = await DataPlaneOf(name).ReconcileAsync(state.ToSpec(), BusyResources.None, apply: true, CancellationToken.None);
            report.Errors.ShouldBeEmpty();
            changes.AddRange(report.Changes);
        }
        output.WriteLine(string.Join('\n', changes));
        return changes;
    }

    private async Task<string> LaunchAsync(string host, string vxnet, string? ip = null)
    {
        var id = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("s-" + host, [new NetworkChoice(vxnet, ip)], Host: host))).Ok().ResourceIds[0];
        await _h.Jobs.RunAllPendingAsync();
        return id;
    }

    private string Fdb(string host, string vxnet) => LinuxUnderlay.Fdb(Space(host, host), LinuxNames.Vxlan(vxnet));

    [LinuxFact]
    public async Task ServersOnDifferentHostsOfOneVxNetPingOverVxlanAndADetachedNicLeavesTheOtherHostsForwardingEntries()
    {
        Underlay();
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var a = await LaunchAsync("h1", vxnet, "172.16.1.10");
        var c = await LaunchAsync("h3", ResourceIds.BasicVxNet);
        var nic = (await _h.RequestNicsAsync(vxnet, 1, "172.16.1.30"))[0];
        await _h.AttachAsync(c, nic);

        await ApplyAllAsync();

        LinuxNamespaces.Ping(Space("h1", a), "172.16.1.30", count: 2).ShouldBeTrue("a on h1 reaches c's eth1 on h3 over VXLAN");
        Fdb("h1", vxnet).ShouldContain($"{nic} dst 192.0.2.13");
        var eth1 = LinuxNamespaces.IpJson(Space("h3", c), "link", "show", "dev", "eth1")[0];
        eth1.GetProperty("mtu").GetInt32().ShouldBe(1450, "the guest's MTU leaves room for the VXLAN header");
        LinuxUnderlay.Links(Space("h2", "h2"))
            .ShouldNotContain(LinuxNames.Vxlan(vxnet), "h2 has nothing in the VxNet");
        (await ApplyAllAsync()).ShouldBeEmpty("a second pass changes nothing");

        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        await ApplyAllAsync();

        Fdb("h1", vxnet).ShouldNotContain($"{nic} dst", Case.Insensitive, "the bridge may still remember the MAC for a while; VXLAN has no entry for it");
        Fdb("h1", vxnet).ShouldNotContain("dst 192.0.2.13", Case.Insensitive, "h3 left the VxNet: no flood entry to it either");
        LinuxUnderlay.Links(Space("h3", "h3"))
            .ShouldNotContain(LinuxNames.Vxlan(vxnet));
        LinuxNamespaces.Ping(Space("h1", a), "172.16.1.30").ShouldBeFalse();
        (await ApplyAllAsync()).ShouldBeEmpty();
    }

    [LinuxFact]
    public async Task ServersInTwoVxNetsOfOneVpcOnDifferentHostsReachEachOtherThroughTheRouterHostAndTwoVpcsStayApart()
    {
        Underlay();
        var vpc = await _h.CreateVpcAsync("172.16.0.0/16");
        var web = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var db = await _h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var other = await _h.CreateJoinedVxNetAsync("172.17.1.0/24", await _h.CreateVpcAsync("172.17.0.0/16"));
        var a = await LaunchAsync("h2", web, "172.16.1.10");
        await LaunchAsync("h3", db, "172.16.2.30");
        await LaunchAsync("h3", other, "172.17.1.40");

        await ApplyAllAsync();

        LinuxNamespaces.Ping(Space("h2", a), "172.16.1.1").ShouldBeTrue("web's gateway is on h1, the router host, over VXLAN");
        LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30", count: 2).ShouldBeTrue("h2 to h3 across two VxNets of one VPC, routed on h1");
        LinuxNamespaces.Ping(Space("h2", a), "172.17.1.40").ShouldBeFalse("another VPC is not reachable");
        Fdb("h2", web).ShouldContain($"{RouterLeg.MacOf(await VniAsync(web))} dst 192.0.2.11");
        (await ApplyAllAsync()).ShouldBeEmpty("a second pass changes nothing");
    }

    [LinuxFact]
    public async Task WhileTheRouterHostIsOfflineTheFirstOnlineHostRoutesAndRoutingReturnsWithIt()
    {
        Underlay();
        var vpc = await _h.CreateVpcAsync("172.16.0.0/16");
        var web = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var db = await _h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var a = await LaunchAsync("h2", web, "172.16.1.10");
        await LaunchAsync("h3", db, "172.16.2.30");
        await ApplyAllAsync();
        LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30", count: 2).ShouldBeTrue("routed on h1");

        // h1 dies (its routers with it; its host namespace stays, as the underlay's cable would): h1 goes offline, and
        // h2, the first online host, takes the routers.
        foreach (var space in LinuxNamespaces.List().Where(n => n.StartsWith(PrefixOf("h1") + "-", StringComparison.Ordinal) && n != Space("h1", "h1")))
        {
            LinuxNamespaces.Delete(space);
        }
        // The kernel tears a deleted namespace's links down in the background: wait until they are gone.
        var gone = DateTime.UtcNow.AddSeconds(10);
        while (LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30") && DateTime.UtcNow < gone)
        {
            await Task.Delay(200);
        }
        LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30").ShouldBeFalse("no router anywhere");
        await _h.SetHostOnlineAsync("h1", false);
        await ApplyAllAsync(dead: "h1");

        LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30", count: 2).ShouldBeTrue("routed on h2 while h1 is offline");
        var gateway = RouterLeg.MacOf(await VniAsync(db));
        Fdb("h3", db).ShouldContain($"{gateway} dst 192.0.2.12");
        Fdb("h3", db).ShouldNotContain("dst 192.0.2.11", Case.Insensitive, "h1 is no longer in db's VxNet anywhere");
        (await ApplyAllAsync(dead: "h1")).ShouldBeEmpty("a second pass changes nothing");

        // h1 back: the routers go back to it and leave h2.
        await _h.SetHostOnlineAsync("h1", true);
        await ApplyAllAsync();

        LinuxNamespaces.Ping(Space("h2", a), "172.16.2.30", count: 2).ShouldBeTrue("routed on h1 again");
        Fdb("h3", db).ShouldContain($"{gateway} dst 192.0.2.11");
        LinuxNamespaces.List().Where(n => n.StartsWith(PrefixOf("h2") + "-", StringComparison.Ordinal)).ShouldBe([Space("h2", "h2"), Space("h2", a)], ignoreOrder: true,
            "h2 keeps only its host and its server, no router");
        (await ApplyAllAsync()).ShouldBeEmpty();
    }

    private async Task<int> VniAsync(string vxnet)
    {
        await using var db = _h.Db();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.VxNets).Where(x => x.Id == vxnet).Select(x => x.Vni));
    }

    private sealed class Monitor(DataPlaneOptions value) : IOptionsMonitor<DataPlaneOptions>
    {
        public DataPlaneOptions CurrentValue => value;

        public DataPlaneOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<DataPlaneOptions, string?> listener) => null;
    }
}
