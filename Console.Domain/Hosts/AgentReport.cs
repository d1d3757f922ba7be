using System.Collections.Concurrent;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// What an agent says after a pass: the state it applied (its ETag), the changes it made as commands, its errors, the
/// servers still drifted, and what each of its servers' guests has after the pass (links, addresses, MTU, routes: the
/// server page shows it for a server on another host than the console's).
/// </summary>
public sealed record AgentReport(string ETag, IReadOnlyList<string> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Drifted,
    IReadOnlyDictionary<string, DataPlane.GuestKernelState>? Guests = null);

/// <summary>Each host's last report and when it came, in memory (a report is as frequent as a change; the database is not its place).</summary>
public sealed class HostReports(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (AgentReport Report, DateTime At)> _last = new(StringComparer.Ordinal);

    public void Heard(string host, AgentReport report) => _last[host] = (report, time.GetUtcNow().UtcDateTime);

    public (AgentReport Report, DateTime At)? Last(string host) => _last.TryGetValue(host, out var last) ? last : null;
}
