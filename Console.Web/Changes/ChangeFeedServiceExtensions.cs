using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Web.Health;

namespace NicConsole.Web.Changes;

public static class ChangeFeedServiceExtensions
{
    /// <summary>
    /// Serves <see cref="IChangeFeed"/> from <c>LiveUpdates:Backplane</c> (<c>InProcess</c> by default, or <c>Redis</c>),
    /// read when first asked for so that test overrides apply, and the <c>/health</c> checks.
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveUpdatesOptions>(configuration.GetSection(LiveUpdatesOptions.Section));
        services.TryAddSingleton<InProcessChangeFeed>();
        services.TryAddSingleton<RedisChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp =>
            sp.GetRequiredService<IOptions<LiveUpdatesOptions>>().Value.Backplane == Backplane.Redis
                ? sp.GetRequiredService<RedisChangeFeed>()
                : sp.GetRequiredService<InProcessChangeFeed>()));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ChangeFeedHealthCheck>("live-updates");
        return services;
    }
}
