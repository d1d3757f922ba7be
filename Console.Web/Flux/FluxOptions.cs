using System.Reflection;

namespace NicConsole.Web.Flux;

/// <summary>
/// Configures <see cref="FluxServiceExtensions.AddFlux"/>: which assemblies to scan, which middlewares to add
/// and how long the store lives.
/// </summary>
public sealed class FluxOptions
{
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Type> _middlewareTypes = [];

    /// <summary>
    /// Creates options that register into <paramref name="services"/>.
    /// </summary>
    /// <param name="services">The service collection being configured.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public FluxOptions(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>
    /// The service collection being configured.
    /// </summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The store's lifetime; <see cref="StoreLifetime.Scoped"/> unless <see cref="WithLifetime"/> changed it.
    /// </summary>
    public StoreLifetime StoreLifetime { get; private set; } = StoreLifetime.Scoped;

    internal IReadOnlyList<Assembly> Assemblies => _assemblies;

    internal IReadOnlyList<Type> MiddlewareTypes => _middlewareTypes;

    /// <summary>
    /// Scans assemblies for <see cref="FeatureStateAttribute"/> states, <see cref="Feature{TState}"/> classes,
    /// <see cref="ReducerMethodAttribute"/> methods and <see cref="EffectMethodAttribute"/> methods. Shapes are
    /// checked when <see cref="FluxServiceExtensions.AddFlux"/> runs.
    /// </summary>
    /// <param name="assemblyToScan">An assembly to scan, usually <c>typeof(Program).Assembly</c>.</param>
    /// <param name="additionalAssembliesToScan">More assemblies to scan.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assemblyToScan"/> is null.</exception>
    public FluxOptions ScanAssemblies(Assembly assemblyToScan, params Assembly[] additionalAssembliesToScan)
    {
        ArgumentNullException.ThrowIfNull(assemblyToScan);
        foreach (var assembly in additionalAssembliesToScan.Prepend(assemblyToScan))
        {
            if (!_assemblies.Contains(assembly))
            {
                _assemblies.Add(assembly);
            }
        }
        return this;
    }

    /// <summary>
    /// Adds a middleware to every store. It is created by dependency injection with the store's lifetime;
    /// middlewares run in the order they were added. Adding the same type twice adds it once.
    /// </summary>
    /// <typeparam name="TMiddleware">The middleware type.</typeparam>
    /// <returns>These options, for chaining.</returns>
    public FluxOptions AddMiddleware<TMiddleware>()
        where TMiddleware : class, IMiddleware
    {
        if (!_middlewareTypes.Contains(typeof(TMiddleware)))
        {
            _middlewareTypes.Add(typeof(TMiddleware));
        }
        return this;
    }

    /// <summary>
    /// Sets how long the store lives. Keep the default, <see cref="StoreLifetime.Scoped"/> (one store per Blazor
    /// circuit), unless every user must share one store.
    /// </summary>
    /// <param name="lifetime">The store's lifetime.</param>
    /// <returns>These options, for chaining.</returns>
    public FluxOptions WithLifetime(StoreLifetime lifetime)
    {
        StoreLifetime = lifetime;
        return this;
    }
}
