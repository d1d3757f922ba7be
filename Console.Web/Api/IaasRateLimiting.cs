using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;

namespace NicConsole.Web.Api;

/// <summary>
/// ASP.NET Core's rate limiter on the API: a token bucket per access key whose signature holds, and per client
/// address for every other call (no key, unknown key, bad signature), so nobody can drain another key's bucket
/// by sending its id with a forged signature. A refusal is the API's error shape with 5100 ServerBusy (nothing
/// was done; the Python SDK retries 5100 by itself) and a Retry-After header.
/// </summary>
public static class IaasRateLimiting
{
    public const string Policy = "iaas";

    private const string PartitionItem = "iaas.partition";
    private const string ActionItem = "iaas.action";
    private const string SignerItem = "iaas.signer";

    /// <summary>Who signs this request, when the limiter checked its signature (null: not checked, or it did not hold).</summary>
    public static KeyOwner? SignedBy(HttpContext http) => http.Items.TryGetValue(SignerItem, out var owner) ? owner as KeyOwner : null;

    public static IServiceCollection AddIaasRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, Partition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Finds who signs each API call (before the limiter, which partitions synchronously), then limits; the call reuses the finding.</summary>
    public static IApplicationBuilder UseIaasRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/iaas") && Options(http).Enabled)
            {
                var dispatcher = http.RequestServices.GetRequiredService<IaasDispatcher>();
                var raw = await IaasEndpoints.RawParametersAsync(http);
                var (action, keyId, owner) = await dispatcher.IdentifyAsync(
                    http.Request.Method.ToUpperInvariant(), http.Request.PathBase + http.Request.Path, raw, http.RequestAborted);
                http.Items[ActionItem] = action;
                http.Items[PartitionItem] = keyId is null ? null : "key:" + keyId;
                http.Items[SignerItem] = owner;
            }
            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static ApiRateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.RateLimit;

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = Options(http);
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var partition = http.Items[PartitionItem] as string ?? "ip:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Burst),
            TokensPerPeriod = Math.Max(1, options.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var reply = IaasDispatcher.Error(http.Items[ActionItem] as string, DomainErrors.Throttled(retryAfter));
        await IaasEndpoints.WriteAsync(http, reply, cancellationToken);
    }
}
