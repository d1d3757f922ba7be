using System.Collections.Concurrent;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// What an agent says after a pass: the state it applied (its ETag), the changes it made as commands, its errors, the
/// servers still drifted, and what each of its servers' guests has after the pass (links, addresses, MTU, routes: the
/// server page shows it for a server on another host than the console's).
/// </summary>
public sealed record AgentReport(string ETag, IReadOnlyList<string> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Drifted,
    IReadOnlyDictionary<string, DataPlane.GuestKernelState>? Guests = null);

/// <summary>
/// Each host's last report, when it came, and its number (each report heard on this node gets the next one, so two
/// reports are told apart whatever the clock), in memory (a report is as frequent as a change; the database is not its place).
/// </summary>
public sealed class HostReports(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (AgentReport Report, DateTime At, long Number)> _last = new(StringComparer.Ordinal);
    private long _number;

    public void Heard(string host, AgentReport report) =>
        _last[host] = (report, time.GetUtcNow().UtcDateTime, Interlocked.Increment(ref _number));

    public (AgentReport Report, DateTime At, long Number)? Last(string host) => _last.TryGetValue(host, out var last) ? last : null;
}
