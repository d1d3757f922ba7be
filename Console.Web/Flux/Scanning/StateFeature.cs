namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// The feature created for a <see cref="FeatureStateAttribute"/> state.
/// </summary>
internal sealed class StateFeature<TState>(string name, Func<TState> createInitialState) : Feature<TState>
{
    public override string GetName() => name;

    protected override TState GetInitialState() => createInitialState();
}
