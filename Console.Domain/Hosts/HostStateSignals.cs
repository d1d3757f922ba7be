using System.Collections.Concurrent;
using NicConsole.Domain.Changes;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Tells a waiting agent when its host's desired state may have changed, from what each committed change touched: a
/// server on the host (a server's host is among its containers), one of the servers or VxNets the host's last state
/// named, or any host (an underlay or a removal changes others' flood lists). Nothing else wakes it, so a change in
/// one VxNet costs only the hosts it spans a read, and that VxNet is read once for all of them (<see cref="VxNetPresence"/>).
/// </summary>
public sealed class HostStateSignals : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _scopes = new(StringComparer.Ordinal);
    private readonly IDisposable _heard;

    private readonly Microsoft.Extensions.Options.IOptionsMonitor<Options.HostsOptions> _options;
    private readonly HostDirectory _directory;

    /// <summary>
    /// Takes what agents are served from (<paramref name="presence"/>, <paramref name="directory"/>) so that they subscribe
    /// to the feed first: the feed calls its subscribers in that order, so they forget what a change altered before any
    /// agent is woken by it.
    /// </summary>
    public HostStateSignals(IChangeFeed feed, Microsoft.Extensions.Options.IOptionsMonitor<Options.HostsOptions> options, VxNetPresence presence, HostDirectory directory)
    {
        _options = options;
        _directory = directory;
        _ = presence;
        _heard = feed.Subscribe(Heard);
    }

    /// <summary>Completes at the next change that may alter <paramref name="host"/>'s state (take it before reading the state).</summary>
    public Task NextAsync(string host) =>
        _next.GetOrAdd(host, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>What the state just served to <paramref name="host"/> names: the changes that concern it from now on.</summary>
    public void Served(HostDesiredState state) =>
        _scopes[state.Host] = state.Servers.Select(s => s.Id).Concat(state.VxNetIds).Append(state.Host).ToHashSet(StringComparer.Ordinal);

    private void Heard(IReadOnlyList<ResourceChange> changes)
    {
        if (_next.IsEmpty)
        {
            return; // no agent waits: nothing to tell (the usual case with one host)
        }
        if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind == ResourceKinds.Host)))
        {
            foreach (var host in _next.Keys)
            {
                Signal(host);
            }
            return;
        }
        // The router host routes every VPC: any VPC or VxNet change may change its routers (the configured one's, or
        // those of the host standing in for it while it is offline).
        if (changes.Any(c => c.Touched!.Any(t => t.Kind is ResourceKinds.Vpc or ResourceKinds.VxNet)))
        {
            Signal(_options.CurrentValue.RouterHost);
            if (_directory.KnownRouterHost is { } routing)
            {
                Signal(routing);
            }
        }
        var touched = changes.SelectMany(c => c.Touched!).SelectMany(t => t.In.Append(t.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var (host, scope) in _scopes)
        {
            if (touched.Contains(host) || scope.Overlaps(touched))
            {
                Signal(host);
            }
        }
    }

    private void Signal(string host)
    {
        if (_next.TryRemove(host, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    public void Dispose() => _heard.Dispose();
}
