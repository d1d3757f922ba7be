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
    private readonly IDisposable _heard;
    private volatile IReadOnlyDictionary<string, bool>? _online;

    public HostDirectory(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed)
    {
        _factory = factory;
        _heard = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind == ResourceKinds.Host)))
            {
                _online = null;
            }
        });
    }

    /// <summary>Each host, and whether it is online.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> HostsAsync(CancellationToken cancellationToken)
    {
        if (_online is { } known)
        {
            return known;
        }
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var read = await db.Hosts.AsNoTracking().ToDictionaryAsync(h => h.Name, h => h.Online, StringComparer.Ordinal, cancellationToken);
        // A change heard while reading leaves the next call to read again.
        Interlocked.CompareExchange(ref _online, read, null);
        return read;
    }

    /// <summary>Reads the hosts again at the next call: for a change this node may not have heard (another process's command line).</summary>
    public void Forget() => _online = null;

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
