namespace NicConsole.Domain.DataPlane;

/// <summary>
/// The facts the data plane needs, with no database behind them: servers, NICs and VPC routers. A job stores the part it
/// changes when it is accepted (what each action does with it is on <see cref="IDataPlane.ApplyAsync"/>); the
/// reconciler builds the whole of it from the database as the desired state.
/// </summary>
/// <remarks>
/// Across hosts, <see cref="Fabrics"/> names each VxNet present on this host with its VNI and where its other MACs are,
/// and <see cref="Underlay"/> this host's own address: each VxNet's bridge then has a VXLAN device, and its NICs' MTU
/// leaves room for the VXLAN header. Without them (one host) nothing leaves the machine.
/// </remarks>
public sealed record DataPlaneSpec(IReadOnlyList<ServerSpec> Servers, IReadOnlyList<NicSpec> Nics, IReadOnlyList<RouterSpec> Routers)
{
    public IReadOnlyList<VxNetFabric> Fabrics { get; init; } = [];

    public string? Underlay { get; init; }

    /// <summary>What VXLAN takes of each frame (outer Ethernet, IPv4, UDP and VXLAN headers): a guest's MTU is 1500 less this.</summary>
    public const int VxlanOverhead = 50;

    public const int VxlanMtu = 1500 - VxlanOverhead;

    public static readonly DataPlaneSpec Empty = new([], [], []);

    public static DataPlaneSpec Of(IEnumerable<ServerSpec>? servers = null, IEnumerable<NicSpec>? nics = null, IEnumerable<RouterSpec>? routers = null) =>
        new([.. servers ?? []], [.. nics ?? []], [.. routers ?? []]);

    /// <summary>What this spec says of one NIC (by its MAC, lower case), or nothing.</summary>
    public NicSpec? Nic(string mac) => Nics.FirstOrDefault(n => string.Equals(n.Mac, mac, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A server: a network namespace; its NICs' links are up only while it runs.</summary>
public sealed record ServerSpec(string Id, bool Running);

/// <summary>
/// A NIC placed on a server: the guest sees <c>eth{Sequence}</c> with MAC <see cref="Mac"/> (the NIC's id) and
/// <see cref="Address"/>/<see cref="PrefixLength"/> on the VxNet's bridge; <see cref="Gateway"/> is the VxNet's (eth0's
/// default route goes through it).
/// </summary>
public sealed record NicSpec(string Mac, string VxNetId, string ServerId, int Sequence, string Address, int PrefixLength, string? Gateway, bool ServerRunning)
{
    public string DeviceName => $"eth{Sequence}";
}

/// <summary>A VPC's router: one leg on each VxNet it routes, carrying that VxNet's gateway.</summary>
public sealed record RouterSpec(string VpcId, IReadOnlyList<RouterLeg> Legs)
{
    /// <summary>The router of vxnet-0, the basic network, which belongs to no VPC: it carries the basic network's gateway.</summary>
    public const string BasicId = "rtr-0";
}

/// <summary>
/// A router's leg on a VxNet. With the VxNet's <see cref="Vni"/> its end carries a fixed MAC, <see cref="Mac"/>, so the
/// other hosts of the VxNet can be told where its gateway is (a forwarding entry to the router's host).
/// </summary>
public sealed record RouterLeg(string VxNetId, string Gateway, int PrefixLength, int Vni = 0)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Mac => Vni > 0 ? MacOf(Vni) : null;

    /// <summary><c>52:55:00</c> and the VNI's three bytes: one gateway MAC per VxNet, never a NIC's (those are 52:54:…).</summary>
    public static string MacOf(int vni) => $"52:55:00:{(vni >> 16) & 0xff:x2}:{(vni >> 8) & 0xff:x2}:{vni & 0xff:x2}";
}

/// <summary>A VxNet on a host: its VNI, the MACs it has on other hosts and where they are, and the other hosts it spans.</summary>
public sealed record VxNetFabric(string VxNetId, int Vni, IReadOnlyList<RemoteMac> Remote, IReadOnlyList<string> Flood);

public sealed record RemoteMac(string Mac, string Underlay);
