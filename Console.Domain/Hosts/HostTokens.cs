using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Which host an agent's token belongs to. Each node keeps the hosts' token hashes for a short while and forgets them all
/// when any host changes (a rotation or a removal anywhere reaches every node through the change feed), so a rotated
/// token stops working at once; a heartbeat reads the database at most once per host per lifetime.
/// </summary>
public sealed class HostTokens : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly TimeProvider _time;
    private readonly IDisposable _heard;
    private readonly ConcurrentDictionary<string, (Hypervisor? Host, DateTimeOffset Until)> _hosts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _forgotten;

    public HostTokens(IDbContextFactory<ConsoleDbContext> factory, TimeProvider time, IChangeFeed feed)
    {
        _factory = factory;
        _time = time;
        _heard = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind == ResourceKinds.Host)))
            {
                lock (_gate)
                {
                    _forgotten++;
                    _hosts.Clear();
                }
            }
        });
    }

    /// <summary>The host whose current token <paramref name="token"/> is (<c>name.secret</c>), or null.</summary>
    public async Task<string?> HostOfAsync(string? token, CancellationToken cancellationToken)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot is < 1 or > Hypervisor.NameLength)
        {
            return null;
        }
        var name = token[..dot];
        var now = _time.GetUtcNow();
        if (!_hosts.TryGetValue(name, out var cached) || cached.Until <= now)
        {
            var forgotten = Volatile.Read(ref _forgotten);
            await using var db = await _factory.CreateDbContextAsync(cancellationToken);
            cached = (await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.Name == name, cancellationToken), now + Lifetime);
            lock (_gate)
            {
                // Kept only if no host changed while it was read (what it read may be what a rotation just ended), and
                // only a host that exists: one registered on another node's command line is found at its first call.
                if (_forgotten == forgotten && cached.Host is not null)
                {
                    _hosts[name] = cached;
                }
            }
        }
        return cached.Host?.Accepts(token) == true ? name : null;
    }

    public void Dispose() => _heard.Dispose();
}
