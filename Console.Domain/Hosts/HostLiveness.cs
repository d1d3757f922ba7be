using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// When each host's agent was last heard, in memory only: a heartbeat writes nothing, so a thousand idle hosts cost the
/// database nothing. With several console nodes, what an agent tells one node reaches the others' copies through the
/// backplane (the web's <c>AgentRelay</c>), so every node judges a host the same way. <see cref="HostStatusWorker"/> turns what this says into the hosts' status, writing only changes.
/// The console's own agent (<see cref="HostsOptions.LocalAgent"/>) is heard as long as the console runs.
/// </summary>
public sealed class HostLiveness(TimeProvider time, IOptions<HostsOptions> options)
{
    private readonly ConcurrentDictionary<string, long> _heard = new(StringComparer.Ordinal);
    private readonly long _started = time.GetTimestamp();

    public void Heard(string host) => _heard[host] = time.GetTimestamp();


    /// <summary>Every host heard since this node started.</summary>
    public ICollection<string> HeardHosts => _heard.Keys;

    private bool IsLocal(string host) => host == options.Value.LocalAgent;

    /// <summary>Heard within <see cref="HostsOptions.OfflineAfter"/>: the host may be online.</summary>
    public bool IsHeard(string host) =>
        IsLocal(host) || (_heard.TryGetValue(host, out var at) && time.GetElapsedTime(at) < options.Value.OfflineAfter);

    /// <summary>
    /// Not heard for <see cref="HostsOptions.OfflineAfter"/>, counting from this node's start for a host not heard yet
    /// (its agent gets that long to find a restarted console): the host is offline.
    /// </summary>
    public bool IsSilent(string host) =>
        !IsLocal(host) && time.GetElapsedTime(_heard.TryGetValue(host, out var at) ? Math.Max(at, _started) : _started) >= options.Value.OfflineAfter;
}
