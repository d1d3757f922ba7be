using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Tests.Support.Linux;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>
/// The reconciler against leftovers made by hand (a crash, an operator at a shell): a dry run reports them and changes
/// nothing, one pass repairs them all, and a second pass changes nothing. What a running job holds is left alone.
/// </summary>
[Trait("Category", "Linux")]
public sealed class LinuxReconcileTests(ITestOutputHelper output)
{
    private static void Ip(params string[] args)
    {
        var (code, _, error) = LinuxNamespaces.Run("ip", args);
        code.ShouldBe(0, $"ip {string.Join(' ', args)}: {error}");
    }

    [LinuxFact]
    public async Task OnePassRepairsWhatWasLeftOrBrokenByHandAndASecondChangesNothing()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var web = await h.RunServerAsync("web", vxnet);
        var db = await h.RunServerAsync("db", vxnet);
        var hosta = await h.RunServerAsync("hosta");
        var nics = await h.RequestNicsAsync(vxnet, 2, "172.16.1.100", "172.16.1.101");
        await h.AttachAsync(hosta, nics[0]);
        await h.AttachAsync(db, nics[1]);
        (await scene.ReconcileAsync()).Changes.ShouldBeEmpty("the jobs left the kernel as the database says");
        var host = scene.Names.Host;
        var ghost = $"{scene.Prefix}-i-zzzzzzzz";

        Ip("-n", host, "link", "add", "nic-deadbeef", "type", "veth", "peer", "name", "x-dead");    // a half-made pair
        Ip("-n", host, "link", "add", "br-zzzzzzz", "type", "bridge");                               // a bridge nothing uses
        Ip("netns", "add", ghost);                                                                   // a server the database does not have
        Ip("-n", scene.Space(hosta), "addr", "del", "172.16.1.100/24", "dev", "eth1");               // a wrong address
        Ip("-n", scene.Space(hosta), "addr", "add", "172.16.1.77/24", "dev", "eth1");
        Ip("-n", scene.Space(web), "link", "set", "eth0", "down");                                   // a link down on a running server
        Ip("-n", scene.Space(web), "link", "add", "stray0", "type", "veth", "peer", "name", "stray1"); // links nobody made
        Ip("-n", scene.Space(db), "link", "del", "eth1");                                            // a NIC gone from its server

        var dry = await scene.ReconcileAsync(apply: false);
        output.WriteLine(string.Join('\n', dry.Changes));
        dry.DriftedServers.ShouldBe([db, hosta, web, "i-zzzzzzzz"], ignoreOrder: true);
        dry.Changes.ShouldContain($"ip netns del {ghost}");
        LinuxNamespaces.List().ShouldContain(ghost, "a dry run changes nothing");
        LinuxScene.Addresses(scene.Link(hosta, "eth1")!.Value).ShouldBe(["172.16.1.77/24"]);

        var pass = await scene.ReconcileAsync();

        pass.Errors.ShouldBeEmpty();
        pass.Changes.ShouldBe(dry.Changes, "a pass runs the steps its dry run reports");
        LinuxNamespaces.List().ShouldNotContain(ghost);
        scene.HostLinks.ShouldNotContain("nic-deadbeef");
        scene.HostLinks.ShouldNotContain("x-dead");
        scene.HostLinks.ShouldNotContain("br-zzzzzzz");
        LinuxScene.Addresses(scene.Link(hosta, "eth1")!.Value).ShouldBe(["172.16.1.100/24"]);
        LinuxScene.IsUp(scene.Link(web, "eth0")!.Value).ShouldBeTrue();
        scene.Link(web, "stray0").ShouldBeNull();
        scene.Link(web, "stray1").ShouldBeNull();
        scene.Link(db, "eth1")!.Value.GetProperty("address").GetString().ShouldBe(nics[1]);
        scene.Ping(web, "172.16.1.100").ShouldBeTrue();
        scene.Ping(web, "172.16.1.101").ShouldBeTrue();
        scene.Ping(web, "172.16.1.1").ShouldBeTrue("and web's default route is back with its link");

        var second = await scene.ReconcileAsync();
        (second.Changes.Count, second.Errors.Count, second.DriftedServers.Count).ShouldBe((0, 0, 0));
    }

    [LinuxFact]
    public async Task APassLeavesAloneWhatARunningJobHolds()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var web = await h.RunServerAsync("web", vxnet);
        var hosta = await h.RunServerAsync("hosta");
        var nic = (await h.RequestNicsAsync(vxnet))[0];
        (await h.Get<AttachNics>().RunAsync(h.Context, [nic], hosta)).Ok();
        (await h.Get<StopInstances>().RunAsync(h.Context, [web])).Ok();
        Ip("-n", scene.Space(web), "link", "add", "stray0", "type", "veth", "peer", "name", "stray1");

        var pass = await scene.ReconcileAsync();

        pass.Changes.ShouldBeEmpty("the attach and the stop are their jobs' to make");
        scene.Link(hosta, "eth1").ShouldBeNull();
        scene.Link(web, "stray0").ShouldNotBeNull();
        await h.Jobs.RunAllPendingAsync();
        scene.Link(hosta, "eth1").ShouldNotBeNull();
        var after = await scene.ReconcileAsync();
        after.Changes.ShouldHaveSingleItem().ShouldBeOneOf($"ip -n {scene.Space(web)} link del stray0", $"ip -n {scene.Space(web)} link del stray1");
        (await scene.ReconcileAsync()).Changes.ShouldBeEmpty();
    }
}
