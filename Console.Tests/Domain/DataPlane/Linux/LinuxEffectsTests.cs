using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Tests.Support.Linux;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>What each job does in the kernel, checked as a person would from a shell: links, addresses, pings.</summary>
[Trait("Category", "Linux")]
public sealed class LinuxEffectsTests
{
    [LinuxFact]
    public async Task ServersInOneVxNetReachEachOtherAndADetachTakesEth1Away()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var web = await h.RunServerAsync("web", vxnet);
        var db = await h.RunServerAsync("db", vxnet);
        var hosta = await h.RunServerAsync("hosta");
        var nic = (await h.RequestNicsAsync(vxnet, 1, "172.16.1.100"))[0];

        scene.Ping(web, await scene.AddressAsync(db)).ShouldBeTrue("two servers in one VxNet");
        scene.Ping(hosta, await scene.AddressAsync(db)).ShouldBeFalse("hosta has no leg in that VxNet yet");
        await h.AttachAsync(hosta, nic);
        scene.Ping(hosta, await scene.AddressAsync(db)).ShouldBeTrue("eth1 puts hosta in the VxNet");
        scene.HostLinks.ShouldContain(LinuxNames.HostEnd(nic));

        (await h.Get<DetachNics>().RunAsync(h.Context, [nic])).Ok();
        await h.Jobs.RunAllPendingAsync();

        scene.Link(hosta, "eth1").ShouldBeNull();
        scene.HostLinks.ShouldNotContain(LinuxNames.HostEnd(nic));
        scene.Ping(hosta, await scene.AddressAsync(db)).ShouldBeFalse();
        scene.Link(hosta, "eth0").ShouldNotBeNull();
    }

    [LinuxFact]
    public async Task TwoVxNetsOfOneVpcReachEachOtherThroughTheGatewayAndTwoVpcsStayApart()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vpc = await h.CreateVpcAsync("172.16.0.0/16");
        var front = await h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var back = await h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var other = await h.CreateJoinedVxNetAsync("172.17.1.0/24", await h.CreateVpcAsync("172.17.0.0/16"));
        var web = await h.RunServerAsync("web", front);
        var db = await h.RunServerAsync("db", back);
        var stranger = await h.RunServerAsync("stranger", other);

        scene.Ping(web, "172.16.1.1").ShouldBeTrue("the gateway of web's VxNet");
        scene.Ping(web, await scene.AddressAsync(db)).ShouldBeTrue("another VxNet of the VPC, through the gateways");
        scene.Ping(db, await scene.AddressAsync(web)).ShouldBeTrue();
        scene.Ping(stranger, "172.17.1.1").ShouldBeTrue("its own gateway");
        scene.Ping(web, await scene.AddressAsync(stranger)).ShouldBeFalse("another VPC");
        scene.Ping(stranger, await scene.AddressAsync(db)).ShouldBeFalse("another VPC");
        scene.Ping(stranger, "172.16.1.1").ShouldBeFalse("another VPC's gateway");
    }

    [LinuxFact]
    public async Task AStoppedServerIsUnreachableAStartedOneReachableAgainAndATerminatedOneLeavesNothing()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var web = await h.RunServerAsync("web", vxnet);
        var db = await h.RunServerAsync("db", vxnet);
        var nic = (await h.RequestNicsAsync(vxnet))[0];
        await h.AttachAsync(db, nic);
        var address = await scene.AddressAsync(db);
        scene.Ping(web, address).ShouldBeTrue();

        (await h.Get<StopInstances>().RunAsync(h.Context, [db])).Ok();
        await h.Jobs.RunAllPendingAsync();
        scene.Ping(web, address).ShouldBeFalse("a stopped server's links are down");
        LinuxScene.IsUp(scene.Link(db, "eth0").ShouldNotBeNull()).ShouldBeFalse();

        (await h.Get<StartInstances>().RunAsync(h.Context, [db])).Ok();
        await h.Jobs.RunAllPendingAsync();
        scene.Ping(web, address).ShouldBeTrue("started again");
        scene.Ping(db, "172.16.1.1").ShouldBeTrue("and its default route is back");

        (await h.Get<TerminateInstances>().RunAsync(h.Context, [db])).Ok();
        await h.Jobs.RunAllPendingAsync();
        LinuxNamespaces.List().ShouldNotContain(scene.Space(db));
        scene.HostLinks.ShouldNotContain(LinuxNames.HostEnd(nic));
        scene.HostLinks.Where(l => l.StartsWith("nic-")).Count().ShouldBe(1, "web's eth0 is the only NIC left");
        scene.Ping(web, address).ShouldBeFalse();
    }
}
