using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Every host's name and whether it is online, kept by each node and read again after any host changes (the change
/// feed carries every node's changes), so the rules asked on every change (is this server's host offline? are there
/// hosts besides this node's own?) cost no query on an install whose hosts did not change.
/// </summary>
public sealed class HostDirectory : IDisposable
{
    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly Microsoft.Extensions.Options.IOptionsMonitor<Options.HostsOptions> _options;
    private readonly IDisposable _heard;
    private volatile Snapshot? _known;
    private int _generation;

    private sealed record Snapshot(IReadOnlyDictionary<string, bool> Online, IReadOnlyDictionary<string, string> Underlays);

    public HostDirectory(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed, Microsoft.Extensions.Options.IOptionsMonitor<Options.HostsOptions> options)
    {
        _factory = factory;
        _options = options;
        _heard = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind == ResourceKinds.Host)))
            {
                Forget();
            }
        });
    }

    /// <summary>Each host, and whether it is online.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> HostsAsync(CancellationToken cancellationToken) => (await KnownAsync(cancellationToken)).Online;

    /// <summary>Each host's underlay address.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UnderlaysAsync(CancellationToken cancellationToken) => (await KnownAsync(cancellationToken)).Underlays;

    private async Task<Snapshot> KnownAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return known;
        }
        var generation = Volatile.Read(ref _generation);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var hosts = await db.Hosts.AsNoTracking().Select(h => new { h.Name, h.Online, h.Underlay }).ToListAsync(cancellationToken);
        var read = new Snapshot(
            hosts.ToDictionary(h => h.Name, h => h.Online, StringComparer.Ordinal),
            hosts.ToDictionary(h => h.Name, h => h.Underlay, StringComparer.Ordinal));
        _lastRouterHost = RouterHost(_options.CurrentValue.RouterHost, read.Online);
        // Kept only if no change was heard while reading: else the next call reads again.
        if (Volatile.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _known, read, null);
            if (Volatile.Read(ref _generation) != generation)
            {
                _known = null;
            }
        }
        return read;
    }

    /// <summary>Reads the hosts again at the next call: after a host changed (the feed tells), or for a change this node may not have heard (another process's command line).</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _known = null;
    }

    /// <summary>Where every VPC's router runs now (<see cref="RouterHost"/>), from this node's copy of the hosts.</summary>
    public async Task<string> RouterHostAsync(CancellationToken cancellationToken) =>
        RouterHost(_options.CurrentValue.RouterHost, await HostsAsync(cancellationToken));

    /// <summary>
    /// Where every VPC's router runs, from this node's copy of the hosts, or the last copy while it is read again
    /// (null only before the first read).
    /// </summary>
    public string? KnownRouterHost => _known is { } known ? RouterHost(_options.CurrentValue.RouterHost, known.Online) : _lastRouterHost;

    private volatile string? _lastRouterHost;

    /// <summary>
    /// Where every VPC's router runs: <paramref name="configured"/> (<c>Hosts:RouterHost</c>) while it is online (or not
    /// registered: nothing to choose between), else the first online host by name, so routing between VxNets moves with
    /// the hosts' status (a status change wakes every agent) and comes back when the configured host does. With no host
    /// online, the configured one.
    /// </summary>
    public static string RouterHost(string configured, IReadOnlyDictionary<string, bool> online) =>
        !online.TryGetValue(configured, out var up) || up
            ? configured
            : online.Where(h => h.Value).Select(h => h.Key).Order(StringComparer.Ordinal).FirstOrDefault() ?? configured;

    /// <summary>Whether <paramref name="host"/> (this console's own) is the only host: then every server is on it, and nothing need be asked.</summary>
    public async Task<bool> IsOnlyHostAsync(string host, CancellationToken cancellationToken) =>
        (await HostsAsync(cancellationToken)).Keys.All(h => h == host);

    /// <summary>The host of server <paramref name="instanceId"/>; null, without a query, while <paramref name="localHost"/> (this console's own) is the only host.</summary>
    public async Task<string?> HostOfAsync(ConsoleDbContext db, string instanceId, string localHost, CancellationToken cancellationToken) =>
        await IsOnlyHostAsync(localHost, cancellationToken)
            ? null
            : await db.Instances.IgnoreQueryFilters().Where(i => i.Id == instanceId).Select(i => i.HostId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>"host h2 is offline" for the first of <paramref name="hosts"/> that is, or null.</summary>
    public async Task<DomainError?> OfflineRefusalAsync(IEnumerable<string> hosts, CancellationToken cancellationToken)
    {
        var online = await HostsAsync(cancellationToken);
        return hosts.Distinct().Order(StringComparer.Ordinal).FirstOrDefault(h => online.TryGetValue(h, out var up) && !up) is { } offline
            ? DomainErrors.HostOffline(offline)
            : null;
    }

    public void Dispose() => _heard.Dispose();
}
