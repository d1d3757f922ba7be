namespace NicConsole.Web.Flux;

/// <summary>
/// A pure function from a state and an action to the next state. Most reducers are written as
/// <see cref="ReducerMethodAttribute"/> methods; registration wraps each of them in one of these.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
public interface IReducer<TState>
{
    /// <summary>
    /// Whether this reducer handles <paramref name="action"/>.
    /// </summary>
    /// <param name="action">The action being dispatched.</param>
    /// <returns>True if <see cref="Reduce"/> should run for it.</returns>
    bool ShouldReduceStateForAction(object action);

    /// <summary>
    /// Computes the next state. Return <paramref name="state"/> itself to signal "no change".
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="action">The action being dispatched.</param>
    /// <returns>The next state.</returns>
    TState Reduce(TState state, object action);
}
