using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>The planner alone, on kernels described by hand: no root needed.</summary>
public sealed class PlanTests
{
    private const string Mac = "52:54:0a:0b:0c:01";
    private static readonly LinuxNames Names = new("nc");
    private static readonly NicSpec Nic = new(Mac, "vxnet-abc1234", "i-aaaa0001", 1, "172.16.1.100", 24, "172.16.1.1", ServerRunning: true);
    private static readonly DataPlaneSpec Desired = DataPlaneSpec.Of([new ServerSpec("i-aaaa0001", true)], [Nic]);

    private static KernelLink Lo => new("lo", 1, null, "00:00:00:00:00:00", true, null, null, ["127.0.0.1/8"]);

    /// <summary>The kernel as the NIC wants it: host end 7 on the bridge, guest eth1 (index 2) its peer.</summary>
    private static (KernelSpace Host, KernelSpace Server) Sound(string mac = Mac, string master = "br-abc1234", IReadOnlyList<string>? addresses = null, bool up = true) =>
        (new KernelSpace("nc-h1", [
            new KernelLink("br-abc1234", 5, "bridge", "aa:aa:aa:aa:aa:aa", true, null, null, []),
            new KernelLink("br-other00", 6, "bridge", "aa:aa:aa:aa:aa:ab", true, null, null, []),
            new KernelLink("nic-0a0b0c01", 7, "veth", "ee:ee:ee:ee:ee:ee", true, 2, master, [])], [], false),
         new KernelSpace("nc-i-aaaa0001", [Lo, new KernelLink("eth1", 2, "veth", mac, up, 7, null, addresses ?? ["172.16.1.100/24"])], [], false));

    private static Plan PlanOf(KernelSpace host, KernelSpace server, int maxNics = 100) =>
        new(Names, maxNics, ["nc-h1", "nc-i-aaaa0001"], [host, server]);

    [Fact]
    public void ASoundNicNeedsNothing()
    {
        var (host, server) = Sound();
        var plan = PlanOf(host, server);

        plan.EnsureNic(Nic);

        plan.Steps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("52:54:0a:0b:0c:99", "br-abc1234")]
    [InlineData(Mac, "br-other00")]
    public void APairWithTheWrongMacOrOnTheWrongBridgeIsMadeAgain(string mac, string master)
    {
        var (host, server) = Sound(mac, master);
        var plan = PlanOf(host, server);

        plan.EnsureNic(Nic);

        plan.Steps.Select(s => s.ToString()).ShouldBe([
            "ip -n nc-h1 link del nic-0a0b0c01",
            $"ip -n nc-h1 link add nic-0a0b0c01 master br-abc1234 type veth peer name eth1 address {Mac} netns nc-i-aaaa0001",
            "ip -n nc-h1 link set nic-0a0b0c01 up",
            "ip -n nc-i-aaaa0001 addr replace 172.16.1.100/24 brd + dev eth1",
            "ip -n nc-i-aaaa0001 link set eth1 up"]);
    }

    [Fact]
    public void AnExtraAddressGoesBeforeTheWantedOneIsPlacedAgainAndADownLinkComesUp()
    {
        var (host, server) = Sound(addresses: ["172.16.1.77/24", "172.16.1.100/24"], up: false);
        var plan = PlanOf(host, server);

        plan.EnsureNic(Nic);

        plan.Steps.Select(s => s.ToString()).ShouldBe([
            "ip -n nc-i-aaaa0001 addr del 172.16.1.77/24 dev eth1",
            "ip -n nc-i-aaaa0001 addr replace 172.16.1.100/24 brd + dev eth1",
            "ip -n nc-i-aaaa0001 link set eth1 up"]);
    }

    [Fact]
    public void StraysGoAndWhatABusyJobHoldsStays()
    {
        var (host, server) = Sound();
        host.Links["nic-deadbeef"] = new KernelLink("nic-deadbeef", 8, "veth", "", true, null, null, [], PeerName: "x-dead");
        host.Links["x-dead"] = new KernelLink("x-dead", 9, "veth", "", true, null, null, [], PeerName: "nic-deadbeef");
        host.Links["nic-0a0b0c02"] = new KernelLink("nic-0a0b0c02", 10, "veth", "", true, 3, "br-abc1234", []);
        var plan = new Plan(Names, 100, ["nc-h1", "nc-i-aaaa0001", "nc-i-gone0001", "nc-rtr-gone0001"], [host, server]);

        plan.Reconcile(Desired, new BusyResources(new HashSet<string>(), new HashSet<string> { "52:54:0a:0b:0c:02" }, new HashSet<string>()));

        plan.Steps.Select(s => s.ToString()).ShouldBe([
            "ip -n nc-h1 link del nic-deadbeef",
            "ip netns del nc-i-gone0001",
            "ip netns del nc-rtr-gone0001",
            "ip -n nc-h1 link del br-other00"], ignoreOrder: false);
    }

    [Fact]
    public void ANewNicPastMaxNicsIsAProblemAndNoStep()
    {
        var host = new KernelSpace("nc-h1", [new KernelLink("br-abc1234", 5, "bridge", "", true, null, null, []),
            new KernelLink("nic-00000001", 6, "veth", "", true, 9, "br-abc1234", [])], [], false);
        var server = new KernelSpace("nc-i-aaaa0001", [Lo], [], false);
        var plan = PlanOf(host, server, maxNics: 1);

        plan.EnsureNic(Nic);

        plan.Steps.ShouldBeEmpty();
        plan.Problems.ShouldHaveSingleItem().Message.ShouldContain("DataPlane:MaxNics=1");
    }

    [Fact]
    public void AServerWithoutANamespaceGetsOneWithLoUpThenItsNic()
    {
        var host = new KernelSpace("nc-h1", [], [], false);
        var plan = new Plan(Names, 100, ["nc-h1"], [host]);

        plan.EnsureNic(Nic with { Sequence = 0 });

        plan.Steps.Select(s => s.ToString()).ShouldBe([
            "ip netns add nc-i-aaaa0001",
            "ip -n nc-i-aaaa0001 link set lo up",
            "ip -n nc-h1 link add br-abc1234 type bridge stp_state 0 forward_delay 0",
            "ip -n nc-h1 link set br-abc1234 up",
            $"ip -n nc-h1 link add nic-0a0b0c01 master br-abc1234 type veth peer name eth0 address {Mac} netns nc-i-aaaa0001",
            "ip -n nc-h1 link set nic-0a0b0c01 up",
            "ip -n nc-i-aaaa0001 addr replace 172.16.1.100/24 brd + dev eth0",
            "ip -n nc-i-aaaa0001 link set eth0 up",
            "ip -n nc-i-aaaa0001 route replace default via 172.16.1.1 dev eth0"]);
    }

    [Theory]
    [InlineData("3 packets transmitted, 3 received, 0% packet loss, time 2003ms\nrtt min/avg/max/mdev = 0.041/0.062/0.090/0.020 ms\n", 3, 0.062)]
    [InlineData("3 packets transmitted, 0 received, 100% packet loss, time 2051ms\n", 0, null)]
    public void PingOutputIsRead(string summary, int received, double? average)
    {
        var result = LinuxDataPlane.ParsePing("172.16.1.1", "PING 172.16.1.1 (172.16.1.1) 56(84) bytes of data.\n\n--- 172.16.1.1 ping statistics ---\n" + summary);

        (result.Transmitted, result.Received, result.AverageRttMilliseconds, result.Reachable).ShouldBe((3, received, average, received > 0));
    }
}

/// <summary>The Linux driver's start on a machine that lacks what it needs.</summary>
public sealed class LinuxStartTests
{
    [Fact]
    public void AMachineWithoutThePrivilegesStopsTheStartNamingWhatIsMissing()
    {
        var probe = new LinuxProbe("/usr/sbin/ip", "/usr/bin/ping", ["CAP_NET_ADMIN (run the console as root)", "CAP_SYS_ADMIN (named namespaces are mounts; run the console as root)"], [], 1024);
        var options = new Microsoft.Extensions.Options.OptionsMonitor<NicConsole.Domain.Options.DataPlaneOptions>(
            new Microsoft.Extensions.Options.OptionsFactory<NicConsole.Domain.Options.DataPlaneOptions>([], []), [], new Microsoft.Extensions.Options.OptionsCache<NicConsole.Domain.Options.DataPlaneOptions>());

        var error = Should.Throw<InvalidOperationException>(() =>
            LinuxDataPlane.Start(new DataPlaneGate(), options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, probe));

        error.Message.ShouldBe("DataPlane:Driver=Linux cannot start: missing CAP_NET_ADMIN (run the console as root); "
            + "CAP_SYS_ADMIN (named namespaces are mounts; run the console as root). Use DataPlane:Driver=Simulated on a machine without them.");
    }
}
