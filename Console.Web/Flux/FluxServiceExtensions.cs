using Microsoft.Extensions.DependencyInjection.Extensions;
using NicConsole.Web.Flux.Exceptions;
using NicConsole.Web.Flux.Scanning;

namespace NicConsole.Web.Flux;

/// <summary>
/// Registers the store with dependency injection.
/// </summary>
public static class FluxServiceExtensions
{
    /// <summary>
    /// Scans the configured assemblies and registers the store: <see cref="IStore"/>, <see cref="IDispatcher"/>,
    /// <see cref="IActionSubscriber"/>, <see cref="IState{TState}"/> and <see cref="IFeature{TState}"/> for every
    /// feature state, the transient <see cref="IStateSelection{TState, TValue}"/>, and the effect, reducer,
    /// feature and middleware classes, all with the store's lifetime.
    /// </summary>
    /// <example>
    /// <code>services.AddFlux(o => o.ScanAssemblies(typeof(Program).Assembly).AddMiddleware&lt;LoggingMiddleware&gt;());</code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the assemblies to scan, the middlewares and the lifetime.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FluxRegistrationException">A scanned type does not fit (see its message).</exception>
    /// <exception cref="InvalidOperationException"><c>AddFlux</c> was already called on this collection.</exception>
    public static IServiceCollection AddFlux(this IServiceCollection services, Action<FluxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(Store)))
        {
            throw new InvalidOperationException("AddFlux has already been called; call it once, listing every assembly to scan.");
        }
        var options = new FluxOptions(services);
        configure(options);
        var blueprint = AssemblyScanner.Scan(options.Assemblies, options.MiddlewareTypes);
        var lifetime = options.StoreLifetime == StoreLifetime.Singleton ? ServiceLifetime.Singleton : ServiceLifetime.Scoped;

        foreach (var type in blueprint.ServiceTypes.Concat(options.MiddlewareTypes))
        {
            services.TryAdd(new ServiceDescriptor(type, type, lifetime));
        }
        services.Add(new ServiceDescriptor(typeof(Dispatcher), typeof(Dispatcher), lifetime));
        services.Add(new ServiceDescriptor(typeof(Store), blueprint.Build, lifetime));
        services.Add(new ServiceDescriptor(typeof(IStore), sp => sp.GetRequiredService<Store>(), lifetime));
        services.Add(new ServiceDescriptor(typeof(IActionSubscriber), sp => sp.GetRequiredService<Store>(), lifetime));
        // Resolving the dispatcher builds the store, so no action goes to a dispatcher that nobody listens to.
        services.Add(new ServiceDescriptor(typeof(IDispatcher), sp =>
        {
            sp.GetRequiredService<Store>();
            return sp.GetRequiredService<Dispatcher>();
        }, lifetime));
        foreach (var feature in blueprint.Features)
        {
            var stateType = feature.StateType;
            services.Add(new ServiceDescriptor(
                typeof(IFeature<>).MakeGenericType(stateType),
                sp => sp.GetRequiredService<Store>().Features.Values.First(f => f.GetStateType() == stateType),
                lifetime));
            services.Add(new ServiceDescriptor(typeof(IState<>).MakeGenericType(stateType), typeof(State<>).MakeGenericType(stateType), lifetime));
        }
        services.Add(ServiceDescriptor.Transient(typeof(IStateSelection<,>), typeof(StateSelection<,>)));
        return services;
    }
}
