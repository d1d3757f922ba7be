namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// How to attach one reducer method to the feature of <see cref="StateType"/> in a new store.
/// </summary>
internal sealed record ReducerBlueprint(Type StateType, Action<IServiceProvider, IFeature> AttachTo);
