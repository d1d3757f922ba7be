namespace NicConsole.Web.Flux;

/// <summary>
/// Lets UI code react to an action without putting a UI event into state, for example "attach finished: close
/// the dialog and show a snackbar". The store implements it; <see cref="FluxComponent"/> wraps it.
/// </summary>
public interface IActionSubscriber
{
    /// <summary>
    /// Calls <paramref name="callback"/> for every dispatched action assignable to <typeparamref name="TAction"/>
    /// (so <c>object</c> or an interface matches many action types). Callbacks run after the reducers, on the
    /// dispatching thread. Always pair with <see cref="UnsubscribeFromAllActions"/>.
    /// </summary>
    /// <typeparam name="TAction">The action type, or a base type or interface of the actions wanted.</typeparam>
    /// <param name="subscriber">The owner of the subscription, used to unsubscribe.</param>
    /// <param name="callback">Called with each matching action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> or <paramref name="callback"/> is null.</exception>
    void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback);

    /// <summary>
    /// Removes every subscription owned by <paramref name="subscriber"/>. Does nothing if there is none.
    /// </summary>
    /// <param name="subscriber">The owner given to <see cref="SubscribeToAction{TAction}"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> is null.</exception>
    void UnsubscribeFromAllActions(object subscriber);

    /// <summary>
    /// Returns a disposable that calls <see cref="UnsubscribeFromAllActions"/> for
    /// <paramref name="subscriber"/>, for use with <c>using</c> or a list of disposables.
    /// </summary>
    /// <param name="subscriber">The owner given to <see cref="SubscribeToAction{TAction}"/>.</param>
    /// <returns>A disposable that unsubscribes once, however often it is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> is null.</exception>
    IDisposable GetActionUnsubscriberAsIDisposable(object subscriber);
}
