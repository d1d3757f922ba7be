namespace NicConsole.Web.Flux;

/// <summary>
/// The <see cref="IDispatcher"/> handed out by dependency injection. It only forwards actions to its listener
/// (the store); ordering and queueing are the store's job. Actions dispatched before anyone listens are kept and
/// replayed, in order, to the first listener.
/// </summary>
public sealed class Dispatcher : IDispatcher
{
    private readonly Lock _syncRoot = new();
    private readonly Queue<object> _backlog = new();
    private EventHandler<ActionDispatchedEventArgs>? _actionDispatched;

    /// <inheritdoc />
    public event EventHandler<ActionDispatchedEventArgs> ActionDispatched
    {
        add
        {
            object[] backlog;
            lock (_syncRoot)
            {
                _actionDispatched += value;
                backlog = [.. _backlog];
                _backlog.Clear();
            }
            // Listeners are called outside the lock: the store takes its own lock, and holding both in different
            // orders on different threads would deadlock.
            foreach (var action in backlog)
            {
                value(this, new ActionDispatchedEventArgs(action));
            }
        }
        remove
        {
            lock (_syncRoot)
            {
                _actionDispatched -= value;
            }
        }
    }

    /// <inheritdoc />
    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        EventHandler<ActionDispatchedEventArgs>? listeners;
        lock (_syncRoot)
        {
            listeners = _actionDispatched;
            if (listeners is null)
            {
                _backlog.Enqueue(action);
                return;
            }
        }
        listeners(this, new ActionDispatchedEventArgs(action));
    }
}
