namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// Everything a scan found, ready to build one store per scope.
/// </summary>
internal sealed class StoreBlueprint(
    IReadOnlyList<FeatureBlueprint> features,
    IReadOnlyList<ReducerBlueprint> reducers,
    IReadOnlyList<EffectBlueprint> effects,
    IReadOnlyList<Type> serviceTypes,
    IReadOnlyList<Type> middlewareTypes)
{
    public IReadOnlyList<FeatureBlueprint> Features => features;

    /// <summary>
    /// Classes to register with the store's lifetime: feature classes, classes with instance reducer or
    /// effect methods, and reducer and effect classes.
    /// </summary>
    public IReadOnlyList<Type> ServiceTypes => serviceTypes;

    public Store Build(IServiceProvider services)
    {
        var store = new Store(services.GetRequiredService<Dispatcher>(), services.GetService<ILogger<Store>>());
        try
        {
            var byState = new Dictionary<Type, IFeature>();
            foreach (var blueprint in features)
            {
                var feature = blueprint.Create(services);
                byState.Add(blueprint.StateType, feature);
                store.AddFeature(feature);
            }
            foreach (var reducer in reducers)
            {
                reducer.AttachTo(services, byState[reducer.StateType]);
            }
            foreach (var effect in effects)
            {
                store.AddEffect(effect.Create(services));
            }
            foreach (var middlewareType in middlewareTypes)
            {
                store.AddMiddleware((IMiddleware)services.GetRequiredService(middlewareType));
            }
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
