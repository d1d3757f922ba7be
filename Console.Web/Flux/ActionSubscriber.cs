namespace NicConsole.Web.Flux;

/// <summary>
/// The store's list of action subscriptions, in subscription order.
/// </summary>
internal sealed class ActionSubscriber : IActionSubscriber
{
    private readonly Lock _syncRoot = new();
    private readonly List<ActionSubscription> _subscriptions = [];

    public int Count
    {
        get
        {
            lock (_syncRoot)
            {
                return _subscriptions.Count;
            }
        }
    }

    public void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new ActionSubscription(subscriber, typeof(TAction), action => callback((TAction)action));
        lock (_syncRoot)
        {
            _subscriptions.Add(subscription);
        }
    }

    public void UnsubscribeFromAllActions(object subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_syncRoot)
        {
            _subscriptions.RemoveAll(s => ReferenceEquals(s.Subscriber, subscriber));
        }
    }

    public IDisposable GetActionUnsubscriberAsIDisposable(object subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new DisposableCallback(() => UnsubscribeFromAllActions(subscriber));
    }

    /// <summary>
    /// Calls every subscription whose action type <paramref name="action"/> is assignable to. Callbacks run
    /// outside the lock, so they may subscribe or unsubscribe; one that throws is reported and the rest still run.
    /// </summary>
    public void Notify(object action, Action<Exception> report)
    {
        ActionSubscription[] matching;
        lock (_syncRoot)
        {
            matching = [.. _subscriptions.Where(s => s.ActionType.IsInstanceOfType(action))];
        }
        foreach (var subscription in matching)
        {
            try
            {
                subscription.Callback(action);
            }
            catch (Exception exception)
            {
                report(exception);
            }
        }
    }
}
