using NicConsole.Web.Changes;

namespace NicConsole.Web.Api;

public static class ApiHardeningExtensions
{
    /// <summary>
    /// The API's rate limiter and its memory of answered req_ids, whose store is shared by the nodes (Redis) when they share a
    /// backplane; and hosting's request log capped at Warning, since its Information lines carry the whole query
    /// string: signatures and RunInstances' login_passwd.
    /// </summary>
    public static IServiceCollection AddApiHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIaasRateLimiting();
        services.AddSingleton<RequestIdempotency>();
        var liveUpdates = configuration.GetSection(LiveUpdatesOptions.Section).Get<LiveUpdatesOptions>() ?? new LiveUpdatesOptions();
        if (liveUpdates.Backplane == Backplane.Redis && !string.IsNullOrWhiteSpace(liveUpdates.Redis))
        {
            services.AddStackExchangeRedisCache(o => o.Configuration = liveUpdates.Redis);
        }
        services.AddDistributedMemoryCache();
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
