using System.Globalization;

namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>
/// What the Linux driver needs, looked for once at start: Linux, iproute2's <c>ip</c>, CAP_NET_ADMIN and CAP_SYS_ADMIN
/// (named namespaces are mounts), and the neighbour table's size, which every namespace shares. A missing need stops
/// the start with this probe's message; a small neighbour table is only a warning.
/// </summary>
public sealed record LinuxProbe(string? IpPath, string? PingPath, IReadOnlyList<string> Missing, IReadOnlyList<string> Warnings, int? NeighbourLimit)
{
    private const int CapNetAdmin = 12;
    private const int CapSysAdmin = 21;

    public bool Ok => Missing.Count == 0;

    public string Summary => Ok
        ? $"ok: Linux, {IpPath}, CAP_NET_ADMIN and CAP_SYS_ADMIN, neighbour table gc_thresh3={NeighbourLimit?.ToString(CultureInfo.InvariantCulture) ?? "?"}"
          + string.Concat(Warnings.Select(w => "; warning: " + w))
        : "missing " + string.Join("; ", Missing);

    public static LinuxProbe Run(int maxNics)
    {
        var missing = new List<string>();
        var warnings = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            return new(null, null, ["Linux (network namespaces exist only there)"], [], null);
        }
        var ip = Find("ip");
        if (ip is null)
        {
            missing.Add("iproute2's ip (apt-get install iproute2)");
        }
        var capabilities = Capabilities();
        if ((capabilities >> CapNetAdmin & 1) == 0)
        {
            missing.Add("CAP_NET_ADMIN (run the console as root)");
        }
        if ((capabilities >> CapSysAdmin & 1) == 0)
        {
            missing.Add("CAP_SYS_ADMIN (named namespaces are mounts; run the console as root)");
        }
        var ping = Find("ping");
        if (ping is null)
        {
            warnings.Add("no ping (apt-get install iputils-ping): the connectivity check will fail");
        }
        var limit = ReadInt("/proc/sys/net/ipv4/neigh/default/gc_thresh3");
        if (limit is { } l && l < maxNics)
        {
            warnings.Add($"net.ipv4.neigh.default.gc_thresh3 is {l}, below DataPlane:MaxNics={maxNics}: every namespace shares that neighbour table and past it "
                + "the kernel answers \"No buffer space available\"; raise it as root (sysctl -w net.ipv4.neigh.default.gc_thresh3=16384)");
        }
        return new(ip, ping, missing, warnings, limit);
    }

    /// <summary>The effective capability set of this process (CapEff in /proc/self/status).</summary>
    private static ulong Capabilities()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }
        return 0;
    }

    private static int? ReadInt(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A program on PATH, or in the sbin folders a non-login root shell may lack.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(folder => System.IO.Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
