using NicConsole.Web.LiveUpdates;

namespace NicConsole.Web.Api;

public static class ApiHardeningExtensions
{
    /// <summary>
    /// The API's rate limiter and replay window, whose store is shared by the nodes (Redis) when they share a
    /// backplane.
    /// </summary>
    public static IServiceCollection AddApiHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIaasRateLimiting();
        services.AddSingleton<ReplayGuard>();
        var liveUpdates = configuration.GetSection(LiveUpdatesOptions.Section).Get<LiveUpdatesOptions>() ?? new LiveUpdatesOptions();
        if (liveUpdates.Backplane == Backplane.Redis && !string.IsNullOrWhiteSpace(liveUpdates.Redis))
        {
            services.AddStackExchangeRedisCache(o => o.Configuration = liveUpdates.Redis);
        }
        services.AddDistributedMemoryCache();
        return services;
    }
}
