namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// How to create one feature for a new store. <see cref="Name"/> is known for <c>[FeatureState]</c> features
/// and null for <see cref="Feature{TState}"/> classes, which name themselves.
/// </summary>
internal sealed record FeatureBlueprint(Type StateType, string? Name, Func<IServiceProvider, IFeature> Create);
