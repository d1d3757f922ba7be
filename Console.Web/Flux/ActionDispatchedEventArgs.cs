namespace NicConsole.Web.Flux;

/// <summary>
/// The action passed to <see cref="IDispatcher.Dispatch(object)"/>.
/// </summary>
public sealed class ActionDispatchedEventArgs : EventArgs
{
    /// <summary>
    /// Wraps <paramref name="action"/>.
    /// </summary>
    /// <param name="action">The dispatched action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public ActionDispatchedEventArgs(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Action = action;
    }

    /// <summary>
    /// The dispatched action.
    /// </summary>
    public object Action { get; }
}
