using NicConsole.Tests.Support.Linux;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>The NIC guide's own check on the real data plane: after the attach, hosta pings its VxNet's gateway and route -n shows eth1.</summary>
[Trait("Category", "Linux")]
public sealed class GuideOnLinuxTests
{
    [LinuxFact]
    public async Task AfterTheAttachHostaPingsTheGatewayAndRouteShowsEth1()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var hosta = await h.RunServerAsync("hosta");
        var nic = (await h.RequestNicsAsync(vxnet, 1, "172.16.1.100"))[0];

        await h.AttachAsync(hosta, nic);

        var eth1 = scene.Link(hosta, "eth1").ShouldNotBeNull();
        eth1.GetProperty("address").GetString().ShouldBe(nic);
        LinuxScene.Addresses(eth1).ShouldBe(["172.16.1.100/24"]);
        LinuxScene.IsUp(eth1).ShouldBeTrue();
        scene.Ping(hosta, "172.16.1.1").ShouldBeTrue("hosta should reach its VxNet's gateway, as the guide's ping 172.16.1.1 does");

        var guest = (await h.Get<GuestQueries>().ReadAsync(h.Context, hosta)).Ok();
        guest.View.Source.ShouldBe(GuestSource.Kernel);
        guest.View.Drift.ShouldBeEmpty();
        guest.View.RouteTable().Split('\n').ShouldContain(l => l.StartsWith("172.16.1.0") && l.TrimEnd().EndsWith("eth1"));
    }
}
