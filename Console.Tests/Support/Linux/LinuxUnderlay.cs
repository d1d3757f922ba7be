namespace NicConsole.Tests.Support.Linux;

/// <summary>
/// Hosts on one machine as a test makes them: an underlay bridge <c>ulbr</c> in <c>{prefix}-ul</c>, and for each host
/// its namespace (as its agent's prefix names it) with <c>ul0</c> on that bridge carrying its underlay address, as a
/// hypervisor's own network would. Every namespace is the test's own; the caller deletes them.
/// </summary>
public static class LinuxUnderlay
{
    public static readonly (string Name, string Underlay)[] ThreeHosts = [("h1", "192.0.2.11"), ("h2", "192.0.2.12"), ("h3", "192.0.2.13")];

    /// <param name="hostSpace">The namespace of a host's own (e.g. <c>{prefix}h2-h2</c>).</param>
    public static void Build(string prefix, IEnumerable<(string Name, string Underlay)> hosts, Func<string, string> hostSpace)
    {
        var ul = $"{prefix}-ul";
        Ip("netns", "add", ul);
        Ip("-n", ul, "link", "add", "ulbr", "type", "bridge");
        Ip("-n", ul, "link", "set", "ulbr", "up");
        foreach (var (name, underlay) in hosts)
        {
            var host = hostSpace(name);
            Ip("netns", "add", host);
            Ip("-n", host, "link", "add", "ul0", "type", "veth", "peer", "name", "ul-" + name, "netns", ul);
            Ip("-n", ul, "link", "set", "ul-" + name, "master", "ulbr", "up");
            Ip("-n", host, "addr", "add", underlay + "/24", "dev", "ul0");
            Ip("-n", host, "link", "set", "ul0", "up");
        }
    }

    /// <summary>The forwarding entries of a VxNet's VXLAN device in a host's namespace, as bridge(8) prints them.</summary>
    public static string Fdb(string hostSpace, string vxlan) =>
        LinuxNamespaces.Run("ip", "netns", "exec", hostSpace, "bridge", "fdb", "show", "dev", vxlan).Output;

    public static IReadOnlyList<string> Links(string space) =>
        LinuxNamespaces.IpJson(space, "link", "show").EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).ToList();

    private static void Ip(params string[] args)
    {
        var (code, _, error) = LinuxNamespaces.Run("ip", args);
        code.ShouldBe(0, $"ip {string.Join(' ', args)}: {error}");
    }
}
