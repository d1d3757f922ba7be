namespace NicConsole.Domain.DataPlane;

/// <summary>
/// The facts the data plane needs, with no database behind them: servers, NICs and VPC routers. A job stores the part it
/// changes when it is accepted (what each action does with it is on <see cref="IDataPlane.ApplyAsync"/>); the
/// reconciler builds the whole of it from the database as the desired state.
/// </summary>
public sealed record DataPlaneSpec(IReadOnlyList<ServerSpec> Servers, IReadOnlyList<NicSpec> Nics, IReadOnlyList<RouterSpec> Routers)
{
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

public sealed record RouterLeg(string VxNetId, string Gateway, int PrefixLength);
