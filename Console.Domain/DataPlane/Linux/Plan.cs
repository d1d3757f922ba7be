namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>One change: an <c>ip</c> command in a namespace (none: the machine's <c>ip netns</c> table), or a program run inside one.</summary>
public sealed record Step(string? Space, string Command, bool Exec = false)
{
    public override string ToString() => Exec ? $"ip netns exec {Space} {Command}" : IpRoute.Replayable(Space, Command);
}

/// <summary>The <c>ip</c> commands that make a NIC's pair and set its guest end, for a plan and for a job's short way alike.</summary>
public static class Commands
{
    /// <summary>The pair made in place in one request: its host end on the bridge, its guest end in the namespace (with <paramref name="mtu"/> on both, across hosts).</summary>
    public static Step Pair(string host, string hostEnd, string bridge, string space, string device, string? mac, int? mtu = null)
    {
        var mtuText = mtu is null ? "" : $" mtu {mtu}";
        return new(host, $"link add {hostEnd} master {bridge}{mtuText} type veth peer name {device}{(mac is null ? "" : $" address {mac}")}{mtuText} netns {space}");
    }

    public static Step LinkUp(string space, string device, bool up) => new(space, $"link set {device} {(up ? "up" : "down")}");

    public static Step Address(string space, string address, string device) => new(space, $"addr replace {address} brd + dev {device}");

    public static Step DefaultRoute(string space, string gateway, string device) => new(space, $"route replace default via {gateway} dev {device}");
}

/// <summary>The steps that bring one thing (a server, a NIC, a router, a stray) where it should be; <see cref="Server"/> names the server it concerns.</summary>
public sealed record Unit(string What, string? Server, IReadOnlyList<Step> Steps);

/// <summary>
/// Works out, from what the kernel has (read once, before), the steps that bring it to what is wanted: the same steps
/// whether they are then run or only reported. It keeps its own copy of the kernel up to date as it plans, so a later
/// step knows what an earlier one made or removed. It never plans a change in the machine's own namespace: every step
/// names one of ours, or adds or deletes one of ours.
/// </summary>
public sealed class Plan
{
    private readonly LinuxNames _names;
    private readonly int _maxNics;
    private readonly string _underlayDevice;

    // Across hosts: the MTU of every NIC pair (room for the VXLAN header); null on one host.
    private int? _mtu;
    private readonly HashSet<string> _namespaces;
    private readonly Dictionary<string, KernelSpace> _spaces;

    // Links the plan makes get indexes below zero, each its own, until the kernel gives them real ones.
    private int _fresh;

    public Plan(LinuxNames names, int maxNics, IEnumerable<string> namespaces, IEnumerable<KernelSpace> spaces, string underlayDevice = "ul0")
    {
        _names = names;
        _maxNics = maxNics;
        _underlayDevice = underlayDevice;
        _namespaces = namespaces.ToHashSet(StringComparer.Ordinal);
        _spaces = spaces.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public List<Unit> Units { get; } = [];

    /// <summary>What cannot be done at all (a limit), with the server it concerns.</summary>
    public List<(string? Server, string Message)> Problems { get; } = [];

    public IEnumerable<Step> Steps => Units.SelectMany(u => u.Steps);

    private KernelSpace Host => Space(_names.Host);

    private KernelSpace Space(string name) => _spaces.TryGetValue(name, out var space) ? space : _spaces[name] = KernelSpace.Empty(name);

    private int NicCount => Host.Links.Keys.Count(k => k.StartsWith("nic-", StringComparison.Ordinal));

    private void Add(string what, string? server, List<Step> steps)
    {
        if (steps.Count > 0)
        {
            Units.Add(new Unit(what, server, steps));
        }
    }

    public void EnsureHost()
    {
        var steps = new List<Step>();
        EnsureSpace(_names.Host, steps, forwarding: false);
        Add("host " + _names.Host, null, steps);
    }

    public void EnsureServer(string serverId)
    {
        var steps = new List<Step>();
        EnsureSpace(_names.Server(serverId), steps, forwarding: false);
        Add("server " + serverId, serverId, steps);
    }

    /// <summary>The NIC's pair on its VxNet's bridge, <c>ethN</c> with its MAC and address, up while its server runs.</summary>
    public void EnsureNic(NicSpec nic)
    {
        EnsureHost();
        EnsureServer(nic.ServerId);
        var steps = new List<Step>();
        EnsureBridge(nic.VxNetId, steps);
        var defaultVia = nic.Sequence == 0 ? nic.Gateway : null;
        if (!EnsurePair(steps, LinuxNames.HostEnd(nic.Mac), LinuxNames.Bridge(nic.VxNetId), _names.Server(nic.ServerId), nic.DeviceName, nic.Mac,
                $"{nic.Address}/{nic.PrefixLength}", nic.ServerRunning, defaultVia, _mtu))
        {
            Problems.Add((nic.ServerId, $"NIC {nic.Mac} not made: DataPlane:MaxNics={_maxNics} reached (the data plane holds {NicCount} NICs); detach some or raise the limit"));
        }
        Add($"NIC {nic.Mac} as {nic.DeviceName} of {nic.ServerId}", nic.ServerId, steps);
    }

    /// <summary>A NIC's pair gone (its host end, and any link of its MAC left in the server); gone already is done.</summary>
    public void RemoveNic(string mac, string serverId)
    {
        var steps = new List<Step>();
        RemoveLink(Host, LinuxNames.HostEnd(mac), steps);
        if (_namespaces.Contains(_names.Server(serverId)))
        {
            var server = Space(_names.Server(serverId));
            foreach (var left in server.Links.Values.Where(l => string.Equals(l.Mac, mac, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                RemoveLink(server, left.Name, steps);
            }
        }
        Add($"NIC {mac} off {serverId}", serverId, steps);
    }

    /// <summary>The server's namespace gone, its NICs' host ends first (so nothing of it outlives the call).</summary>
    public void RemoveServer(string serverId, IEnumerable<string> macs)
    {
        var steps = new List<Step>();
        foreach (var mac in macs)
        {
            RemoveLink(Host, LinuxNames.HostEnd(mac), steps);
        }
        RemoveSpace(_names.Server(serverId), steps);
        Add("server " + serverId + " removed", serverId, steps);
    }

    /// <summary>The VPC's router: its namespace forwarding, one leg on each VxNet given with the gateway on it.</summary>
    public void EnsureRouter(RouterSpec router)
    {
        EnsureHost();
        var space = _names.Router(router.VpcId);
        var steps = new List<Step>();
        EnsureSpace(space, steps, forwarding: true);
        foreach (var leg in router.Legs)
        {
            EnsureBridge(leg.VxNetId, steps);
            EnsurePair(steps, LinuxNames.LegHostEnd(leg.VxNetId), LinuxNames.Bridge(leg.VxNetId), space, LinuxNames.LegRouterEnd(leg.VxNetId), leg.Mac,
                $"{leg.Gateway}/{leg.PrefixLength}", up: true, defaultVia: null, _mtu);
        }
        Add("router " + router.VpcId, null, steps);
    }

    public void RemoveLegs(string vpcId, IEnumerable<RouterLeg> legs)
    {
        var steps = new List<Step>();
        foreach (var leg in legs)
        {
            RemoveLink(Host, LinuxNames.LegHostEnd(leg.VxNetId), steps);
            if (_namespaces.Contains(_names.Router(vpcId)))
            {
                RemoveLink(Space(_names.Router(vpcId)), LinuxNames.LegRouterEnd(leg.VxNetId), steps);
            }
            RemoveBridgeIfUnused(LinuxNames.Bridge(leg.VxNetId), steps);
        }
        Add($"router {vpcId} legs removed", null, steps);
    }

    public void RemoveRouter(RouterSpec router)
    {
        RemoveLegs(router.VpcId, router.Legs);
        var steps = new List<Step>();
        RemoveSpace(_names.Router(router.VpcId), steps);
        Add($"router {router.VpcId} removed", null, steps);
    }

    /// <summary>
    /// The whole desired state, for the reconciler: first what should not be there (links in the host nobody wants,
    /// namespaces of servers and routers the database no longer has, links inside a server or router it does not
    /// expect), then every server, NIC and router as wanted, then bridges nothing uses. What <paramref name="busy"/>
    /// names is left to its job.
    /// </summary>
    public void Reconcile(DataPlaneSpec desired, BusyResources busy)
    {
        var busyNics = desired.Nics.Where(n => busy.Nics.Contains(n.Mac) || busy.Servers.Contains(n.ServerId)).Select(n => n.Mac).Concat(busy.Nics).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nics = desired.Nics.Where(n => !busyNics.Contains(n.Mac)).ToList();
        var servers = desired.Servers.Where(s => !busy.Servers.Contains(s.Id)).ToList();
        var routers = desired.Routers.Where(r => !busy.Routers.Contains(r.VpcId)).ToList();

        // Strays in the host: NIC host ends and router legs nothing wants (their far ends go with them), anything else but bridges.
        var fabrics = desired.Underlay is null ? [] : desired.Fabrics;
        var keep = desired.Nics.Select(n => LinuxNames.HostEnd(n.Mac)).Concat(busyNics.Select(LinuxNames.HostEnd))
            .Concat(desired.Routers.SelectMany(r => r.Legs).Select(l => LinuxNames.LegHostEnd(l.VxNetId)))
            .Concat(fabrics.Select(f => LinuxNames.Vxlan(f.VxNetId)))
            .Append(_underlayDevice)
            .ToHashSet(StringComparer.Ordinal);
        var steps = new List<Step>();
        foreach (var link in Host.Links.Values.Where(l => l.Name != "lo" && l.Kind != "bridge" && !keep.Contains(l.Name)).ToList())
        {
            if (link.Name.StartsWith("rl-", StringComparison.Ordinal) && busy.Routers.Count > 0)
            {
                continue; // a router's job may be making or removing it
            }
            RemoveLink(Host, link.Name, steps);
        }
        Add("strays in " + _names.Host, null, steps);

        // Namespaces of servers and routers the database does not have.
        var wantedSpaces = desired.Servers.Select(s => s.Id).Concat(busy.Servers).Select(_names.Server)
            .Concat(desired.Routers.Select(r => r.VpcId).Concat(busy.Routers).Select(_names.Router))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var space in _namespaces.Where(n => (_names.ServerOf(n) is not null || _names.RouterOf(n) is not null) && !wantedSpaces.Contains(n)).Order().ToList())
        {
            steps = [];
            RemoveSpace(space, steps);
            Add("stray namespace " + space, _names.ServerOf(space), steps);
        }

        EnsureHost();
        if (desired.Underlay is { } underlay)
        {
            _mtu = DataPlaneSpec.VxlanMtu;
            foreach (var fabric in fabrics)
            {
                EnsureFabric(fabric, underlay);
            }
        }
        var byServer = nics.ToLookup(n => n.ServerId);
        foreach (var server in servers)
        {
            EnsureServer(server.Id);
            var devices = desired.Nics.Where(n => n.ServerId == server.Id).Select(n => n.DeviceName);
            RemoveStrays(Space(_names.Server(server.Id)), devices, server.Id);
            foreach (var nic in byServer[server.Id])
            {
                EnsureNic(nic);
            }
        }
        foreach (var router in routers)
        {
            EnsureRouter(router);
            RemoveStrays(Space(_names.Router(router.VpcId)), router.Legs.Select(l => LinuxNames.LegRouterEnd(l.VxNetId)), null);
        }

        var wantedBridges = desired.Nics.Select(n => n.VxNetId).Concat(desired.Routers.SelectMany(r => r.Legs).Select(l => l.VxNetId))
            .Concat(fabrics.Select(f => f.VxNetId))
            .Select(LinuxNames.Bridge).ToHashSet(StringComparer.Ordinal);
        steps = [];
        foreach (var bridge in Host.Links.Values.Where(l => l.Kind == "bridge" && !wantedBridges.Contains(l.Name)).Select(l => l.Name).ToList())
        {
            RemoveBridgeIfUnused(bridge, steps);
        }
        Add("unused bridges", null, steps);
    }

    /// <summary>
    /// A VxNet across hosts: its bridge with a VXLAN device (its VNI, this host's underlay address, learning off) and
    /// exactly the forwarding entries wanted: one flood entry per other host of the VxNet and one per MAC it has there.
    /// </summary>
    public void EnsureFabric(VxNetFabric fabric, string underlay)
    {
        var steps = new List<Step>();
        EnsureBridge(fabric.VxNetId, steps);
        var name = LinuxNames.Vxlan(fabric.VxNetId);
        var bridge = LinuxNames.Bridge(fabric.VxNetId);
        var link = Host.Links.GetValueOrDefault(name);
        if (link is not { Kind: "vxlan" } || link.Vni != fabric.Vni || link.Local != underlay || link.Master != bridge || !link.Up)
        {
            if (link is { Kind: "vxlan" } && link.Vni == fabric.Vni && link.Local == underlay)
            {
                steps.Add(new Step(_names.Host, $"link set {name} master {bridge} up"));
            }
            else
            {
                RemoveLink(Host, name, steps);
                steps.Add(new Step(_names.Host, $"link add {name} type vxlan id {fabric.Vni} local {underlay} dev {_underlayDevice} dstport 4789 nolearning"));
                steps.Add(new Step(_names.Host, $"link set {name} master {bridge} up"));
                Host.Fdb[name] = [];
            }
            Host.Links[name] = new KernelLink(name, --_fresh, "vxlan", "", true, null, bridge, [], Vni: fabric.Vni, Local: underlay);
        }
        var have = Host.Fdb.TryGetValue(name, out var entries) ? entries : Host.Fdb[name] = [];
        var want = fabric.Flood.Select(f => new FdbEntry(Flood, f))
            .Concat(fabric.Remote.Select(r => new FdbEntry(r.Mac.ToLowerInvariant(), r.Underlay)))
            .ToHashSet();
        foreach (var gone in have.Except(want).OrderBy(e => e.Mac, StringComparer.Ordinal).ThenBy(e => e.Destination, StringComparer.Ordinal).ToList())
        {
            steps.Add(new Step(_names.Host, $"bridge fdb del {gone.Mac} dev {name} dst {gone.Destination}", Exec: true));
            have.Remove(gone);
        }
        foreach (var missing in want.Except(have).OrderBy(e => e.Mac, StringComparer.Ordinal).ThenBy(e => e.Destination, StringComparer.Ordinal).ToList())
        {
            steps.Add(new Step(_names.Host, missing.Mac == Flood
                ? $"bridge fdb append {Flood} dev {name} dst {missing.Destination}"
                : $"bridge fdb append {missing.Mac} dev {name} dst {missing.Destination} self permanent", Exec: true));
            have.Add(missing);
        }
        Add($"VxNet {fabric.VxNetId} across hosts (VNI {fabric.Vni})", null, steps);
    }

    private const string Flood = "00:00:00:00:00:00";

    /// <summary>Every link in a server or router but <c>lo</c> and those it should have.</summary>
    private void RemoveStrays(KernelSpace space, IEnumerable<string> wanted, string? server)
    {
        var keep = wanted.Append("lo").ToHashSet(StringComparer.Ordinal);
        var steps = new List<Step>();
        foreach (var link in space.Links.Values.Where(l => !keep.Contains(l.Name)).ToList())
        {
            RemoveLink(space, link.Name, steps);
        }
        Add("strays in " + space.Name, server, steps);
    }

    private void EnsureSpace(string name, List<Step> steps, bool forwarding)
    {
        if (_namespaces.Add(name))
        {
            steps.Add(new Step(null, $"netns add {name}"));
            Space(name);
        }
        var space = Space(name);
        if (name != _names.Host && space.Links.GetValueOrDefault("lo") is not { Up: true })
        {
            steps.Add(new Step(name, "link set lo up"));
            space.Links["lo"] = new KernelLink("lo", 1, null, "00:00:00:00:00:00", true, null, null, ["127.0.0.1/8"]);
        }
        if (forwarding && !space.Forwards)
        {
            steps.Add(new Step(name, "sysctl -qw net.ipv4.ip_forward=1", Exec: true));
            space.Forwards = true;
        }
    }

    private void RemoveSpace(string name, List<Step> steps)
    {
        if (_namespaces.Remove(name))
        {
            steps.Add(new Step(null, $"netns del {name}"));
            _spaces.Remove(name);
        }
    }

    private void EnsureBridge(string vxNetId, List<Step> steps)
    {
        var name = LinuxNames.Bridge(vxNetId);
        var bridge = Host.Links.GetValueOrDefault(name);
        if (bridge is { Kind: "bridge", Up: true })
        {
            return;
        }
        if (bridge is { Kind: "bridge" })
        {
            steps.Add(new Step(_names.Host, $"link set {name} up"));
        }
        else
        {
            if (bridge is not null)
            {
                RemoveLink(Host, name, steps);
            }
            steps.Add(new Step(_names.Host, $"link add {name} type bridge stp_state 0 forward_delay 0"));
            steps.Add(new Step(_names.Host, $"link set {name} up"));
        }
        Host.Links[name] = new KernelLink(name, --_fresh, "bridge", "", true, null, null, []);
    }

    private void RemoveBridgeIfUnused(string name, List<Step> steps)
    {
        if (Host.Links.ContainsKey(name) && !Host.Links.Values.Any(l => l.Master == name))
        {
            RemoveLink(Host, name, steps);
        }
    }

    /// <summary>
    /// A veth pair from <paramref name="bridge"/> in the host to <paramref name="device"/> in <paramref name="space"/>, made
    /// in one request; kept when both ends are each other's peers, on the right bridge with the right MAC, else made
    /// again. Then the address (and no other), the link state and, for eth0, the default route. False when a new NIC
    /// would pass <c>DataPlane:MaxNics</c> (nothing is planned for it then).
    /// </summary>
    private bool EnsurePair(List<Step> steps, string hostEnd, string bridge, string spaceName, string device, string? mac, string address, bool up, string? defaultVia, int? mtu = null)
    {
        var host = Host;
        var space = Space(spaceName);
        var h = host.Links.GetValueOrDefault(hostEnd);
        var g = space.Links.GetValueOrDefault(device);
        var peers = h is not null && g is not null && h.PeerIndex == g.Index && g.PeerIndex == h.Index;
        var sound = peers && h!.Kind == "veth" && g!.Kind == "veth" && h.Master == bridge
            && (mac is null || string.Equals(g.Mac, mac, StringComparison.OrdinalIgnoreCase))
            && (mtu is null || (h.Mtu == mtu && g.Mtu == mtu));
        if (!sound)
        {
            if (h is null && hostEnd.StartsWith("nic-", StringComparison.Ordinal) && NicCount >= _maxNics)
            {
                return false;
            }
            RemoveLink(host, hostEnd, steps);
            if (space.Links.ContainsKey(device))
            {
                RemoveLink(space, device, steps);
            }
            steps.Add(Commands.Pair(_names.Host, hostEnd, bridge, spaceName, device, mac, mtu));
            steps.Add(Commands.LinkUp(_names.Host, hostEnd, true));
            var (hostIndex, deviceIndex) = (--_fresh, --_fresh);
            h = host.Links[hostEnd] = new KernelLink(hostEnd, hostIndex, "veth", "", true, deviceIndex, bridge, [], Mtu: mtu ?? 0);
            g = null;
        }
        else if (!h!.Up)
        {
            steps.Add(Commands.LinkUp(_names.Host, hostEnd, true));
        }
        // Others go first: deleting an interface's primary address takes its secondaries in the subnet with it, so the
        // wanted one is (re)placed after them.
        var others = g?.Addresses.Where(a => a != address).ToList() ?? [];
        foreach (var other in others)
        {
            steps.Add(new Step(spaceName, $"addr del {other} dev {device}"));
        }
        if (g is null || others.Count > 0 || !g.Addresses.Contains(address))
        {
            steps.Add(Commands.Address(spaceName, address, device));
        }
        if (g is null ? up : g.Up != up)
        {
            steps.Add(Commands.LinkUp(spaceName, device, up));
        }
        if (defaultVia is not null && up && (g is null || !space.RouteTable.Any(r => r.Destination == "default" && r.Gateway == defaultVia && r.Device == device)))
        {
            steps.Add(Commands.DefaultRoute(spaceName, defaultVia, device));
        }
        space.Links[device] = new KernelLink(device, h!.PeerIndex ?? --_fresh, "veth", mac ?? "", up, h.Index, null, [address], Mtu: mtu ?? 0);
        return true;
    }

    /// <summary>Deletes a link if the plan's copy has it, and forgets its veth peer wherever that sits (the kernel removes both).</summary>
    private void RemoveLink(KernelSpace space, string name, List<Step> steps)
    {
        if (!space.Links.Remove(name, out var link))
        {
            return;
        }
        steps.Add(new Step(space.Name, $"link del {name}"));
        if (link.PeerName is { } sibling)
        {
            space.Links.Remove(sibling);
        }
        if (link.PeerIndex is not { } peer)
        {
            return;
        }
        foreach (var other in _spaces.Values)
        {
            var far = other.Links.Values.FirstOrDefault(l => l.Index == peer && l.PeerIndex == link.Index && !(ReferenceEquals(other, space) && l.Name == name));
            if (far is not null)
            {
                other.Links.Remove(far.Name);
                return;
            }
        }
    }
}
