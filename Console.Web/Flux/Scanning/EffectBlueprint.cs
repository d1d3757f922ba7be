namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// How to create one effect method's <see cref="IEffect"/> for a new store.
/// </summary>
internal sealed record EffectBlueprint(Func<IServiceProvider, IEffect> Create);
