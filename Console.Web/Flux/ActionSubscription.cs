namespace NicConsole.Web.Flux;

/// <summary>
/// One <see cref="IActionSubscriber.SubscribeToAction{TAction}"/> registration.
/// </summary>
internal sealed record ActionSubscription(object Subscriber, Type ActionType, Action<object> Callback);
