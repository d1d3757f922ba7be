namespace NicConsole.Web.Flux;

/// <summary>
/// Read access to the current state of one feature; inject it into a component that inherits
/// <see cref="FluxComponent"/>. It lives as long as the store.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
public interface IState<TState> : IStateChangedNotifier
{
    /// <summary>
    /// The feature's current state. Never cache it in a component: read it when rendering.
    /// </summary>
    TState Value { get; }
}
