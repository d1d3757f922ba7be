namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// An <see cref="EffectMethodAttribute"/> method bound as an <see cref="IEffect"/>; it matches every action
/// assignable to <typeparamref name="TAction"/>.
/// </summary>
internal sealed class MethodEffect<TAction>(Func<TAction, IDispatcher, Task> handle) : IEffect
{
    public bool ShouldReactToAction(object action) => action is TAction;

    public Task HandleAsync(object action, IDispatcher dispatcher) => handle((TAction)action, dispatcher);
}
