using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public static class FluxFixtures
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The store of this folder's fixtures, traced by <see cref="TracingMiddleware"/>.</summary>
    public static IServiceCollection AddFluxFixtures(this IServiceCollection services, StoreLifetime lifetime = StoreLifetime.Scoped)
    {
        services.AddSingleton<FluxTrace>();
        return services.AddFlux(o => o
            .ScanAssemblies(typeof(CounterState).Assembly)
            .AddMiddleware<TracingMiddleware>()
            .WithLifetime(lifetime));
    }
}
