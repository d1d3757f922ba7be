namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// A <see cref="ReducerMethodAttribute"/> method bound as an <see cref="IReducer{TState}"/>; it matches every
/// action assignable to <typeparamref name="TAction"/>.
/// </summary>
internal sealed class MethodReducer<TState, TAction>(Func<TState, TAction, TState> reduce) : IReducer<TState>
{
    public bool ShouldReduceStateForAction(object action) => action is TAction;

    public TState Reduce(TState state, object action) => reduce(state, (TAction)action);
}
