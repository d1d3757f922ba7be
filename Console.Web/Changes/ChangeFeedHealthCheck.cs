using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NicConsole.Web.Changes;

/// <summary>
/// Healthy in-process; with Redis, healthy while Redis answers, degraded when it does not (the node still serves,
/// but other nodes' changes do not reach its pages).
/// </summary>
public sealed class ChangeFeedHealthCheck(IOptions<LiveUpdatesOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Backplane != Backplane.Redis)
        {
            return HealthCheckResult.Healthy("in-process");
        }
        var feed = services.GetRequiredService<RedisChangeFeed>();
        if (feed.Connection is not { IsConnected: true } redis)
        {
            return HealthCheckResult.Degraded("Redis is not reachable: changes from other nodes do not arrive");
        }
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return feed.Subscribed.IsCompleted
                ? HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.#} ms")
                : HealthCheckResult.Degraded("Redis answers but the channel is not subscribed yet");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("Redis does not answer", ex);
        }
    }
}
