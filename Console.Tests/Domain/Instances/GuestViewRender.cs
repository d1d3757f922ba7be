namespace NicConsole.Tests.Domain.Instances;

public class GuestViewRender : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _server = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var accepted = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok();
        await _h.Jobs.RunAllPendingAsync();
        _server = accepted.ResourceIds[0];
        _nic = (await _h.RequestNicsAsync(vxnet, 1, "172.16.1.100"))[0];
        await _h.AttachAsync(_server, _nic);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<GuestView> ViewAsync() =>
        GuestView.Of((await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery { Ids = [_server] })).Ok().Items.Single());

    [Fact]
    public async Task ShowsEachNicAsAnIfconfigBlock()
    {
        var ifconfig = (await ViewAsync()).Ifconfig();

        ifconfig.ShouldContain($"eth1      Link encap:Ethernet  HWaddr {_nic}");
        ifconfig.ShouldContain("inet addr:172.16.1.100  Bcast:172.16.1.255  Mask:255.255.255.0");
        ifconfig.ShouldContain("inet addr:10.120.7.40  Bcast:10.120.7.255  Mask:255.255.255.0");
        ifconfig.IndexOf("eth0", StringComparison.Ordinal).ShouldBeLessThan(ifconfig.IndexOf("eth1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoutesByDefaultThroughEth0AndConnectsEachSubnet()
    {
        var routes = (await ViewAsync()).RouteTable().Split('\n');

        routes.ShouldContain(l => l.StartsWith("0.0.0.0         10.120.7.1      0.0.0.0         UG") && l.EndsWith(" eth0"));
        routes.ShouldContain(l => l.StartsWith("10.120.7.0      0.0.0.0         255.255.255.0   U ") && l.EndsWith(" eth0"));
        routes.ShouldContain(l => l.StartsWith("172.16.1.0      0.0.0.0         255.255.255.0   U ") && l.EndsWith(" eth1"));
    }

    [Fact]
    public async Task NarrowedToOneInterfaceShowsOnlyItsBlockAndItsRoute()
    {
        var eth1 = (await ViewAsync()).Only("eth1");

        eth1.Ifconfig().ShouldContain($"eth1      Link encap:Ethernet  HWaddr {_nic}");
        eth1.Ifconfig().ShouldNotContain("eth0");
        eth1.RouteTable().Split('\n').Where(l => l.EndsWith(" eth1")).ShouldHaveSingleItem().ShouldStartWith("172.16.1.0 ");
        eth1.RouteTable().ShouldNotContain("eth0");
    }

    [Fact]
    public async Task GivesTheNetplanForASecondaryNic()
    {
        var netplan = (await ViewAsync()).Netplan("eth1");

        netplan.ShouldContain($"macaddress: \"{_nic}\"");
        netplan.ShouldContain("set-name: eth1");
        netplan.ShouldContain("addresses: [172.16.1.100/24]");
    }

    [Fact]
    public async Task LeavesOutNicsThatAreStillAttachingAndFlagsASharedSubnet()
    {
        var vxnet = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Ids = [_nic] })).Ok().Items.Single().VxNetId;
        var second = (await _h.RequestNicsAsync(vxnet))[0];
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [second], _server)).Ok();

        (await ViewAsync()).Interfaces.Select(i => i.Name).ShouldBe(["eth0", "eth1"]);
        await _h.Jobs.RunAllPendingAsync();
        (await ViewAsync()).SharedSubnetInterfaces.ShouldBe(["eth2"]);
    }
}
