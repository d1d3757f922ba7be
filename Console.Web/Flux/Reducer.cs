namespace NicConsole.Web.Flux;

/// <summary>
/// A reducer written as a class, as Fluxor's <c>Reducer&lt;TState, TAction&gt;</c>: one generic reducer can then
/// serve many features, each closing it with a one-line subclass. The assembly scan registers every closed,
/// non-abstract subclass with the store's lifetime (so it may take constructor parameters) and attaches it to the
/// feature of <typeparamref name="TState"/>.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
/// <typeparam name="TAction">The actions it reduces: this type and every action assignable to it.</typeparam>
public abstract class Reducer<TState, TAction> : IReducer<TState>
{
    /// <summary>
    /// Whether <paramref name="action"/> is assignable to <typeparamref name="TAction"/>.
    /// </summary>
    /// <param name="action">The action being dispatched.</param>
    /// <returns>True if <see cref="Reduce(TState, TAction)"/> should run for it.</returns>
    public bool ShouldReduceStateForAction(object action) => action is TAction;

    /// <summary>
    /// Computes the next state. Return <paramref name="state"/> itself to signal "no change".
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="action">The action being dispatched.</param>
    /// <returns>The next state.</returns>
    public abstract TState Reduce(TState state, TAction action);

    /// <inheritdoc />
    TState IReducer<TState>.Reduce(TState state, object action) => Reduce(state, (TAction)action);
}
