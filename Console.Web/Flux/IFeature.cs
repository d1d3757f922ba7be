namespace NicConsole.Web.Flux;

/// <summary>
/// One self-contained slice of the store's state, with the reducers that produce its next value. The store
/// passes every dispatched action to every feature.
/// </summary>
public interface IFeature
{
    /// <summary>
    /// The feature's unique name within the store; the key in <see cref="IStore.Features"/>.
    /// </summary>
    /// <returns>The feature's name.</returns>
    string GetName();

    /// <summary>
    /// Kept for Fluxor compatibility. Throttling is not supported: 0 (no throttling) is the only accepted value.
    /// </summary>
    /// <exception cref="NotSupportedException">Set to a value other than 0.</exception>
    byte MaximumStateChangedNotificationsPerSecond { get; set; }

    /// <summary>
    /// The current state, untyped.
    /// </summary>
    /// <returns>The current state.</returns>
    object? GetState();

    /// <summary>
    /// The type of the state this feature holds, known even while the state is null.
    /// </summary>
    /// <returns>The state type.</returns>
    Type GetStateType();

    /// <summary>
    /// Replaces the state without running reducers. Meant for middleware (for example a "jump to state"), never
    /// for application code, which dispatches actions instead.
    /// </summary>
    /// <param name="value">The state to install; it must be of the feature's state type.</param>
    void RestoreState(object? value);

    /// <summary>
    /// Runs this feature's reducers for <paramref name="action"/>. Called by the store only; application code
    /// calls <see cref="IDispatcher.Dispatch(object)"/>.
    /// </summary>
    /// <param name="action">The action being dispatched.</param>
    void ReceiveDispatchNotificationFromStore(object action);

    /// <summary>
    /// Raised after the state has been replaced by a different reference.
    /// </summary>
    event EventHandler StateChanged;
}

/// <summary>
/// A feature with a typed state.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
public interface IFeature<TState> : IFeature
{
    /// <summary>
    /// The current state. The first read creates the initial state.
    /// </summary>
    TState State { get; }

    /// <summary>
    /// Adds a reducer. Reducers run in the order they were added, each on the previous one's result.
    /// </summary>
    /// <param name="reducer">The reducer to add.</param>
    void AddReducer(IReducer<TState> reducer);
}
