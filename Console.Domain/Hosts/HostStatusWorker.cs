using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Each second, compares what <see cref="HostLiveness"/> heard with each host's recorded status (this node's
/// <see cref="HostDirectory"/>) and writes only a change: a host unheard for the offline time goes <c>offline</c>, an
/// offline one heard again comes back. The directory is read again when a host changes, when an unknown host is heard
/// (registered by another process), and every minute: at rest this reads and writes nothing. It stops judging as soon as
/// the application begins to stop: a node that no longer answers agents must not mark their hosts offline on its way out
/// (the node that replaces it would not hear of it until its next reread).
/// </summary>
public sealed class HostStatusWorker(
    HostDirectory directory,
    ChangeRunner changes,
    HostLiveness liveness,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<HostStatusWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Reread = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var judging = CancellationTokenSource.CreateLinkedTokenSource(stopping, lifetime.ApplicationStopping);
        try
        {
            await JudgeAsync(judging.Token);
        }
        catch (OperationCanceledException) when (judging.IsCancellationRequested)
        {
        }
    }

    private async Task JudgeAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var readAt = time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var online = await directory.HostsAsync(stoppingToken);
                if (time.GetElapsedTime(readAt) > Reread || liveness.HeardHosts.Any(h => !online.ContainsKey(h)))
                {
                    directory.Forget();
                    readAt = time.GetTimestamp();
                    online = await directory.HostsAsync(stoppingToken);
                }
                foreach (var (host, isOnline) in online)
                {
                    if (isOnline ? liveness.IsSilent(host) : liveness.IsHeard(host))
                    {
                        await SetAsync(host, !isOnline, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Host status check failed; trying again in a second");
                directory.Forget();
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
