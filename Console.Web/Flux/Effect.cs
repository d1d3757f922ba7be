namespace NicConsole.Web.Flux;

/// <summary>
/// An effect written as a class, as Fluxor's <c>Effect&lt;TAction&gt;</c>: one generic effect can then serve many
/// features, each closing it with a small subclass. The assembly scan registers every closed, non-abstract
/// subclass with the store's lifetime (so it gets constructor injection) and adds it to the store.
/// </summary>
/// <typeparam name="TAction">The actions it reacts to: this type and every action assignable to it.</typeparam>
public abstract class Effect<TAction> : IEffect
{
    /// <summary>
    /// Whether <paramref name="action"/> is assignable to <typeparamref name="TAction"/>.
    /// </summary>
    /// <param name="action">The action that was dispatched.</param>
    /// <returns>True if <see cref="HandleAsync(TAction, IDispatcher)"/> should run for it.</returns>
    public bool ShouldReactToAction(object action) => action is TAction;

    /// <summary>
    /// Runs the effect. Exceptions it throws, synchronously or from the task, are logged and raised on
    /// <see cref="IStore.UnhandledException"/>.
    /// </summary>
    /// <param name="action">The action that was dispatched.</param>
    /// <param name="dispatcher">Dispatches follow-up actions.</param>
    /// <returns>A task that completes when the effect is done.</returns>
    public abstract Task HandleAsync(TAction action, IDispatcher dispatcher);

    /// <inheritdoc />
    Task IEffect.HandleAsync(object action, IDispatcher dispatcher) => HandleAsync((TAction)action, dispatcher);
}
