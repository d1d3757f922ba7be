using System.Text.Json;

namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>
/// One link as the kernel reports it in one namespace: <see cref="PeerIndex"/> is a veth's other end in another
/// namespace (its index there), <see cref="PeerName"/> its other end in this one; <see cref="Addresses"/> its IPv4
/// addresses as <c>a.b.c.d/len</c>.
/// </summary>
/// <remarks>A VXLAN device also has its <see cref="Vni"/> and <see cref="Local"/> underlay address.</remarks>
public sealed record KernelLink(string Name, int Index, string? Kind, string Mac, bool Up, int? PeerIndex, string? Master, IReadOnlyList<string> Addresses, string? PeerName = null,
    int Mtu = 0, int? Vni = null, string? Local = null);

/// <summary>A forwarding entry of a VXLAN device: frames to <see cref="Mac"/> go to the host at <see cref="Destination"/> (all zeros: every frame flooded).</summary>
public sealed record FdbEntry(string Mac, string Destination);

/// <summary>
/// What one namespace holds: its links by name, its IPv4 routes and whether it forwards. The planner changes its copy as
/// it plans, so that later steps see what earlier ones will have made.
/// </summary>
public sealed class KernelSpace(string name, IEnumerable<KernelLink> links, IReadOnlyList<GuestRoute> routes, bool forwarding)
{
    public const string AddressesAndRoutes = "addr show";
    public const string Routes = "route show";
    public const string Forwarding = "netconf show";

    public string Name => name;

    public Dictionary<string, KernelLink> Links { get; } = links.ToDictionary(l => l.Name, StringComparer.Ordinal);

    public IReadOnlyList<GuestRoute> RouteTable => routes;

    public bool Forwards { get; set; } = forwarding;

    /// <summary>Each VXLAN device's forwarding entries with a destination (read with <c>bridge -json fdb show dev …</c>).</summary>
    public Dictionary<string, HashSet<FdbEntry>> Fdb { get; } = new(StringComparer.Ordinal);

    /// <summary>The entries of <c>bridge -json fdb show dev …</c> that send to another host.</summary>
    public static HashSet<FdbEntry> ParseFdb(string json) =>
        string.IsNullOrWhiteSpace(json) ? []
            : JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Where(e => e.Str("dst") is not null)
                .Select(e => new FdbEntry(e.Str("mac")!.ToLowerInvariant(), e.Str("dst")!))
                .ToHashSet();

    /// <summary>A namespace that does not exist yet (the planner is about to make it).</summary>
    public static KernelSpace Empty(string name) => new(name, [], [], false);

    /// <summary>The commands <see cref="Parse"/> reads, in its order.</summary>
    public static readonly IReadOnlyList<string> Show = [AddressesAndRoutes, Routes, Forwarding];

    /// <summary>The namespace from the answers to <see cref="Show"/> (<c>ip -json -d</c>).</summary>
    public static KernelSpace Parse(string name, IReadOnlyList<JsonElement> answers)
    {
        var links = answers[0].EnumerateArray().Select(Link).ToList();
        var routes = answers.Count > 1 ? answers[1].EnumerateArray().Select(Route).ToList() : [];
        var forwarding = answers.Count > 2 && answers[2].EnumerateArray().Any(c =>
            c.Str("family") == "inet" && c.Str("interface") == "all" && c.TryGetProperty("forwarding", out var f) && f.ValueKind == JsonValueKind.True);
        return new KernelSpace(name, links, routes, forwarding);
    }

    public GuestKernelState ToGuest() => new(
        Links.Values.OrderBy(l => l.Index).Select(l => new GuestLink(l.Name, l.Mac, l.Up, l.Addresses, l.Mtu)).ToList(),
        RouteTable);

    private static KernelLink Link(JsonElement e)
    {
        var flags = e.TryGetProperty("flags", out var f) ? f.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        var kind = e.TryGetProperty("linkinfo", out var info) ? info.Str("info_kind") : null;
        var addresses = e.TryGetProperty("addr_info", out var a)
            ? a.EnumerateArray().Where(x => x.Str("family") == "inet").Select(x => $"{x.Str("local")}/{x.GetProperty("prefixlen").GetInt32()}").ToList()
            : [];
        return new KernelLink(
            e.Str("ifname") ?? "",
            e.GetProperty("ifindex").GetInt32(),
            kind,
            e.Str("address") ?? "",
            flags.Contains("UP"),
            e.TryGetProperty("link_index", out var peer) ? peer.GetInt32() : null,
            e.Str("master"),
            addresses,
            e.Str("link"),
            e.TryGetProperty("mtu", out var mtu) ? mtu.GetInt32() : 0,
            kind == "vxlan" && info.TryGetProperty("info_data", out var data) && data.TryGetProperty("id", out var vni) ? vni.GetInt32() : null,
            kind == "vxlan" && info.TryGetProperty("info_data", out var vx) ? vx.Str("local") : null);
    }

    private static GuestRoute Route(JsonElement e) => new(e.Str("dst") ?? "", e.Str("gateway"), e.Str("dev") ?? "");
}

internal static class JsonElementExtensions
{
    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
