namespace NicConsole.Web.Flux;

/// <summary>
/// Sends actions to the store. Inject it into components and receive it in effects.
/// </summary>
public interface IDispatcher
{
    /// <summary>
    /// Dispatches <paramref name="action"/>. It is synchronous and returns nothing: the action is queued and
    /// processed in order, so when called from a reducer, an action subscriber or an effect's synchronous part it
    /// runs after the current action, and before the store is initialised it waits for
    /// <see cref="IStore.InitializeAsync"/>. Actions are plain records with no base type.
    /// </summary>
    /// <param name="action">The action to dispatch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    void Dispatch(object action);

    /// <summary>
    /// Raised for every action passed to <see cref="Dispatch"/>. The store listens here; until someone does, the
    /// dispatcher keeps the actions and replays them to the first listener.
    /// </summary>
    event EventHandler<ActionDispatchedEventArgs> ActionDispatched;
}
