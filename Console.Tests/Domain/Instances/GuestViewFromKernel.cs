using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Domain.Instances;

/// <summary>The guest view read from the kernel: the same ifconfig / route -n text, and each difference from the database.</summary>
public class GuestViewFromKernel
{
    private const string Eth0Mac = "52:54:00:00:00:01";
    private const string Eth1Mac = "52:54:00:00:00:02";

    private static InstanceView Server(InstanceStatus status = InstanceStatus.Running) => new("i-server01", "hosta", "", "img", "small", 1, 1024,
        status, Transition.None, null, DomainHarness.Zone, "tester", DateTime.UnixEpoch, DateTime.UnixEpoch,
        [
            new InstanceNicView(Eth0Mac, 0, NicRole.Primary, NicStatus.InUse, Transition.None, IpAddress.Parse("10.120.7.40"), ResourceIds.BasicVxNet, "basic",
                VxNetType.Basic, Cidr.Parse("10.120.7.0/24"), IpAddress.Parse("10.120.7.1")),
            new InstanceNicView(Eth1Mac, 1, NicRole.Secondary, NicStatus.InUse, Transition.None, IpAddress.Parse("172.16.1.10"), "vxnet-web", "web",
                VxNetType.Managed, Cidr.Parse("172.16.1.0/24"), IpAddress.Parse("172.16.1.1")),
        ]);

    private static GuestLink Eth0(bool up = true) => new("eth0", Eth0Mac, up, ["10.120.7.40/24"]);

    private static GuestLink Eth1(string mac = Eth1Mac, bool up = true, params string[] addresses) =>
        new("eth1", mac, up, addresses.Length == 0 ? ["172.16.1.10/24"] : addresses);

    private static readonly IReadOnlyList<GuestRoute> Routes =
        [new("default", "10.120.7.1", "eth0"), new("10.120.7.0/24", null, "eth0"), new("172.16.1.0/24", null, "eth1")];

    private static GuestView Read(InstanceView server, params GuestLink[] links) =>
        GuestView.FromKernel(server, new GuestKernelState([new GuestLink("lo", "00:00:00:00:00:00", true, ["127.0.0.1/8"]), .. links], Routes));

    [Fact]
    public void AKernelThatMatchesTheDatabaseRendersExactlyAsTheDatabaseDoesWithNoDrift()
    {
        var kernel = Read(Server(), Eth0(), Eth1());
        var database = GuestView.Of(Server());

        kernel.Source.ShouldBe(GuestSource.Kernel);
        database.Source.ShouldBe(GuestSource.Database);
        kernel.Drift.ShouldBeEmpty();
        kernel.Ifconfig().ShouldBe(database.Ifconfig());
        kernel.RouteTable().ShouldBe(database.RouteTable());
        kernel.Netplan("eth1").ShouldBe(database.Netplan("eth1"));
    }

    [Fact]
    public void AnInterfaceTheDatabaseDoesNotExpectIsDrift()
    {
        var view = Read(Server(), Eth0(), Eth1(), new GuestLink("eth2", "52:54:00:00:00:09", true, ["172.16.2.5/24"]));

        view.Drift.ShouldBe([new GuestDrift(GuestDriftKind.UnexpectedInterface, "eth2", null, "52:54:00:00:00:09 172.16.2.5/24")]);
        view.Ifconfig().ShouldContain("eth2      Link encap:Ethernet  HWaddr 52:54:00:00:00:09");
    }

    [Fact]
    public void AMissingInterfaceIsDrift()
    {
        var view = Read(Server(), Eth0());

        view.Drift.ShouldBe([new GuestDrift(GuestDriftKind.MissingInterface, "eth1", $"{Eth1Mac} 172.16.1.10/24")]);
        view.Ifconfig().ShouldNotContain("eth1");
    }

    [Fact]
    public void AnAddressMissingOrOneTheDatabaseDoesNotExpectIsDrift()
    {
        var view = Read(Server(), Eth0(), Eth1(addresses: ["172.16.1.99/24", "172.16.1.98/24"]));

        view.Drift.ShouldBe(
        [
            new GuestDrift(GuestDriftKind.MissingAddress, "eth1", "172.16.1.10/24", "172.16.1.99/24, 172.16.1.98/24"),
            new GuestDrift(GuestDriftKind.UnexpectedAddress, "eth1", null, "172.16.1.99/24"),
            new GuestDrift(GuestDriftKind.UnexpectedAddress, "eth1", null, "172.16.1.98/24"),
        ]);
        view.Ifconfig().ShouldContain("eth1:1    Link encap:Ethernet");
    }

    [Fact]
    public void AnExtraAddressBesideTheExpectedOneIsDrift()
    {
        var view = Read(Server(), Eth0(), Eth1(addresses: ["172.16.1.10/24", "192.168.0.5/24"]));

        view.Drift.ShouldBe([new GuestDrift(GuestDriftKind.UnexpectedAddress, "eth1", null, "192.168.0.5/24")]);
    }

    [Fact]
    public void ALinkDownIsDriftOnlyWhileTheServerRuns()
    {
        Read(Server(), Eth0(), Eth1(up: false)).Drift.ShouldBe([new GuestDrift(GuestDriftKind.LinkDown, "eth1")]);
        Read(Server(InstanceStatus.Stopped), Eth0(), Eth1(up: false)).Drift.ShouldBeEmpty();
        Read(Server(), Eth0(), Eth1(up: false)).Ifconfig().ShouldContain("          BROADCAST MULTICAST  MTU:1500  Metric:1");
    }

    [Fact]
    public void AWrongMacIsDriftComparedWithoutCase()
    {
        Read(Server(), Eth0(), Eth1(mac: "52:54:00:00:00:99")).Drift
            .ShouldBe([new GuestDrift(GuestDriftKind.WrongMac, "eth1", Eth1Mac, "52:54:00:00:00:99")]);
        Read(Server(), Eth0(), Eth1(mac: Eth1Mac.ToUpperInvariant())).Drift.ShouldBeEmpty();
    }

    [Fact]
    public void ARunningServerWithoutANamespaceIsDriftAndAStoppedOneShowsTheDatabase()
    {
        var running = GuestView.FromKernel(Server(), null);
        var stopped = GuestView.FromKernel(Server(InstanceStatus.Stopped), null);

        running.Source.ShouldBe(GuestSource.Kernel);
        running.Interfaces.ShouldBeEmpty();
        running.Drift.ShouldBe([new GuestDrift(GuestDriftKind.NoNamespace, "")]);
        stopped.Source.ShouldBe(GuestSource.Database);
        stopped.Drift.ShouldBeEmpty();
    }

    [Fact]
    public void TheRouteTableIsTheKernelsOwnRoutes()
    {
        var view = GuestView.FromKernel(Server(), new GuestKernelState([Eth0(), Eth1()],
            [new("default", "172.16.1.1", "eth1"), new("172.16.1.0/24", null, "eth1"), new("192.168.8.0/22", "172.16.1.254", "eth1")]));

        var rows = view.RouteTable().Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();

        rows.ShouldBe(
        [
            "0.0.0.0 172.16.1.1 0.0.0.0 UG 0 0 0 eth1",
            "172.16.1.0 0.0.0.0 255.255.255.0 U 0 0 0 eth1",
            "192.168.8.0 172.16.1.254 255.255.252.0 UG 0 0 0 eth1",
        ]);
    }

    [Fact]
    public void NarrowedToOneInterfaceItKeepsThatInterfacesRoutesAndDrift()
    {
        var view = Read(Server(), Eth0(up: false), Eth1(up: false)).Only("eth1");

        view.Interfaces.Select(i => i.Name).ShouldBe(["eth1"]);
        view.Drift.ShouldBe([new GuestDrift(GuestDriftKind.LinkDown, "eth1")]);
        view.RouteTable().ShouldNotContain("eth0");
    }
}
