using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;

namespace NicConsole.Web.Api;

/// <summary>
/// ASP.NET Core's rate limiters on the API, in two steps. First a token bucket per client address, before anything
/// costs a key lookup, so a flood of unsigned or forged calls from one address is cut off there. Then a bucket per
/// access key whose signature holds, and per client address for every other call (no key, unknown key, bad
/// signature), so nobody can drain another key's bucket by sending its id with a forged signature. A call is parsed
/// and its signature checked once, between the two; the call itself reuses that. A refusal is the API's error shape
/// with 5100 ServerBusy (nothing was done; the Python SDK retries 5100 by itself) and a Retry-After header.
/// </summary>
public static class IaasRateLimiting
{
    public const string Policy = "iaas";

    private const string ActionItem = "iaas.action";
    private const string CallerItem = "iaas.caller";

    /// <summary>The call as the limiter parsed and verified it on this request; null where no limiter ran.</summary>
    public static IaasCaller? Caller(HttpContext http) => http.Items.TryGetValue(CallerItem, out var caller) ? caller as IaasCaller : null;

    public static IServiceCollection AddIaasRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, Partition);
            o.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, "key", cancellationToken);
        });
        services.AddSingleton<AddressLimiter>();
        return services;
    }

    /// <summary>
    /// Limits each API call by its client address, then finds who signs it (before the key's limiter, which partitions
    /// synchronously), then limits by the key; the call reuses the finding.
    /// </summary>
    public static IApplicationBuilder UseIaasRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/iaas") && Options(http).Enabled)
            {
                var raw = await IaasEndpoints.RawParametersAsync(http);
                using var lease = http.RequestServices.GetRequiredService<AddressLimiter>().AttemptAcquire(http.Connection.RemoteIpAddress);
                if (!lease.IsAcquired)
                {
                    http.Items[ActionItem] = IaasEndpoints.ActionOf(raw);
                    await RejectAsync(http, lease, "address", http.RequestAborted);
                    return;
                }
                var caller = await http.RequestServices.GetRequiredService<IaasDispatcher>().IdentifyAsync(
                    http.Request.Method.ToUpperInvariant(), http.Request.PathBase + http.Request.Path, raw, http.RequestAborted);
                http.Items[ActionItem] = caller.Action;
                http.Items[CallerItem] = caller;
            }
            await next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The token buckets by client address that every API call passes first (<c>Api:RateLimit:AddressPermitsPerSecond</c>, <c>AddressBurst</c>).</summary>
    public sealed class AddressLimiter(IOptionsMonitor<ApiOptions> options) : IDisposable
    {
        private readonly PartitionedRateLimiter<System.Net.IPAddress?> _limiter = PartitionedRateLimiter.Create<System.Net.IPAddress?, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address?.ToString() ?? "", _ => Bucket(options.CurrentValue.RateLimit.AddressPermitsPerSecond, options.CurrentValue.RateLimit.AddressBurst)));

        public RateLimitLease AttemptAcquire(System.Net.IPAddress? address) => _limiter.AttemptAcquire(address);

        public void Dispose() => _limiter.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int permitsPerSecond, int burst) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = Math.Max(1, permitsPerSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static ApiRateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.RateLimit;

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = Options(http);
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var partition = Caller(http)?.KeyId is { } keyId ? "key:" + keyId : "ip:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(options.PermitsPerSecond, options.Burst));
    }

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, string partition, CancellationToken cancellationToken)
    {
        http.RequestServices.GetRequiredService<Telemetry.WebMetrics>().RateLimited(partition);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var reply = IaasDispatcher.Error(http.Items[ActionItem] as string, DomainErrors.Throttled(retryAfter));
        await IaasEndpoints.WriteAsync(http, reply, cancellationToken);
    }
}
