namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>
/// The names of everything the Linux driver makes. Only namespaces carry the prefix; links live only inside them, so
/// their names need no prefix and stay within the kernel's 15 characters.
/// </summary>
public sealed class LinuxNames(string prefix, string host = "h1")
{
    public string Prefix => prefix;

    /// <summary>This host's namespace: its bridges, VXLAN devices and NIC host ends (<c>nc-h1</c>; an agent's <c>nc-h2</c>, …).</summary>
    public string Host => $"{prefix}-{host}";

    /// <summary><c>nc-i-ab12cd34</c></summary>
    public string Server(string serverId) => $"{prefix}-{serverId}";

    /// <summary><c>nc-rtr-ab12cd34</c>; vxnet-0's is <c>nc-rtr-0</c>.</summary>
    public string Router(string vpcId) => $"{prefix}-{vpcId}";

    /// <summary>The server id a server namespace is named after, or null for any other name.</summary>
    public string? ServerOf(string space) => space.StartsWith($"{prefix}-i-", StringComparison.Ordinal) ? space[(prefix.Length + 1)..] : null;

    /// <summary>The VPC id a router namespace is named after, or null for any other name.</summary>
    public string? RouterOf(string space) => space.StartsWith($"{prefix}-rtr-", StringComparison.Ordinal) ? space[(prefix.Length + 1)..] : null;

    /// <summary><c>br-abc1234</c> for <c>vxnet-abc1234</c>, <c>br-0</c> for vxnet-0.</summary>
    public static string Bridge(string vxNetId) => "br-" + Suffix(vxNetId);

    /// <summary>A NIC's host end, from the last four bytes of its MAC: <c>52:54:0a:0b:0c:01</c> → <c>nic-0a0b0c01</c>.</summary>
    public static string HostEnd(string mac) => "nic-" + string.Concat(mac.ToLowerInvariant().Split(':').TakeLast(4));

    /// <summary>A VxNet's VXLAN device on its bridge: <c>vx-abc1234</c>.</summary>
    public static string Vxlan(string vxNetId) => "vx-" + Suffix(vxNetId);

    /// <summary>A router leg's end on the VxNet's bridge.</summary>
    public static string LegHostEnd(string vxNetId) => "rl-" + Suffix(vxNetId);

    /// <summary>A router leg's end inside the router, carrying the VxNet's gateway.</summary>
    public static string LegRouterEnd(string vxNetId) => "gw-" + Suffix(vxNetId);

    private static string Suffix(string vxNetId) => vxNetId.StartsWith("vxnet-", StringComparison.Ordinal) ? vxNetId["vxnet-".Length..] : vxNetId;
}
