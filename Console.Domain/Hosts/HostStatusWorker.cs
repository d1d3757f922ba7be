using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Each second, compares what <see cref="HostLiveness"/> heard with each host's recorded status and writes only a change:
/// a host unheard for the offline time goes <c>offline</c>, an offline one heard again comes back. The recorded statuses
/// are read at start, when a host changes, when an unknown host is heard, and every minute: at rest it reads and writes
/// nothing.
/// </summary>
public sealed class HostStatusWorker(
    IDbContextFactory<ConsoleDbContext> factory,
    ChangeRunner changes,
    HostLiveness liveness,
    IChangeFeed feed,
    TimeProvider time,
    ILogger<HostStatusWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Reread = TimeSpan.FromMinutes(1);

    private volatile bool _stale = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heard = feed.Subscribe(c =>
        {
            if (c.Any(x => x.Touched is null || x.Touched.Any(t => t.Kind == ResourceKinds.Host)))
            {
                _stale = true;
            }
        });
        using var timer = new PeriodicTimer(Tick, time);
        Dictionary<string, bool> online = [];
        var readAt = time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A host registered elsewhere (the command line, another node) is read as soon as its agent is heard.
                if (_stale || time.GetElapsedTime(readAt) > Reread || liveness.HeardHosts.Any(h => !online.ContainsKey(h)))
                {
                    _stale = false;
                    readAt = time.GetTimestamp();
                    await using var db = await factory.CreateDbContextAsync(stoppingToken);
                    online = await db.Hosts.AsNoTracking().ToDictionaryAsync(h => h.Name, h => h.Online, stoppingToken);
                }
                foreach (var (host, isOnline) in online)
                {
                    if (isOnline ? liveness.IsSilent(host) : liveness.IsHeard(host))
                    {
                        await SetAsync(host, !isOnline, stoppingToken);
                        online[host] = !isOnline;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Host status check failed; trying again in a second");
                _stale = true;
            }
        }
    }

    public async Task SetAsync(string name, bool online, CancellationToken cancellationToken)
    {
        var changed = await changes.RunAsync<bool>(async db =>
        {
            if (await db.Hosts.FirstOrDefaultAsync(h => h.Name == name, cancellationToken) is not { } host || host.Online == online)
            {
                return false;
            }
            var now = time.GetUtcNow().UtcDateTime;
            host.SetOnline(online, now);
            db.OperationLog.Add(new OperationLogEntry("system", host.Zone, OperationContext.DefaultTenant, online ? "HostOnline" : "HostOffline", [name],
                OperationResult.Succeeded, online ? "its agent reports again" : "its agent stopped reporting", null, now));
            return true;
        }, cancellationToken);
        if (changed.Succeeded && changed.Value)
        {
            logger.Log(online ? LogLevel.Information : LogLevel.Warning, "Host {Host} is {Status}", name, online ? "online" : "offline");
        }
    }
}
