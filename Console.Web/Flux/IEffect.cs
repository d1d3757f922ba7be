namespace NicConsole.Web.Flux;

/// <summary>
/// Asynchronous work started by an action, such as calling a service and dispatching the outcome. Most effects
/// are written as <see cref="EffectMethodAttribute"/> methods; registration wraps each of them in one of these.
/// </summary>
public interface IEffect
{
    /// <summary>
    /// Whether this effect reacts to <paramref name="action"/>.
    /// </summary>
    /// <param name="action">The action that was dispatched.</param>
    /// <returns>True if <see cref="HandleAsync"/> should run for it.</returns>
    bool ShouldReactToAction(object action);

    /// <summary>
    /// Runs the effect. Exceptions it throws, synchronously or from the task, are logged and raised on
    /// <see cref="IStore.UnhandledException"/>.
    /// </summary>
    /// <param name="action">The action that was dispatched.</param>
    /// <param name="dispatcher">Dispatches follow-up actions.</param>
    /// <returns>A task that completes when the effect is done.</returns>
    Task HandleAsync(object action, IDispatcher dispatcher);
}
