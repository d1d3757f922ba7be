using Microsoft.AspNetCore.Components;

namespace NicConsole.Web.Flux;

/// <summary>
/// Base class for components that read the store (<c>@inherits FluxComponent</c>). In
/// <see cref="OnInitialized"/> it subscribes to every <see cref="IState{TState}"/> and
/// <see cref="IStateSelection{TState, TValue}"/> property or field of the component and re-renders through
/// <c>InvokeAsync(StateHasChanged)</c> when one changes; <see cref="DisposeAsync"/> removes those subscriptions
/// and every <see cref="SubscribeToAction{TAction}"/> subscription.
/// </summary>
/// <remarks>
/// An override of <see cref="OnInitialized"/> must call <c>base.OnInitialized()</c> first; a component that
/// does not fails at dispose with an <see cref="InvalidOperationException"/> naming the cause. Every
/// <see cref="IState{TState}"/> user re-renders on any change to its feature: on busy pages prefer
/// <see cref="IStateSelection{TState, TValue}"/> or override <c>ShouldRender</c>.
/// </remarks>
public abstract class FluxComponent : ComponentBase, IAsyncDisposable
{
    private readonly ComponentSubscriptions _subscriptions;

    /// <summary>
    /// Creates the component.
    /// </summary>
    protected FluxComponent()
    {
        _subscriptions = new ComponentSubscriptions(this, nameof(FluxComponent));
    }

    [Inject]
    private IActionSubscriber ActionSubscriber { get; set; } = default!;

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        _subscriptions.ParametersReceived();
        return base.SetParametersAsync(parameters);
    }

    /// <summary>
    /// Subscribes to the component's states. Call <c>base.OnInitialized()</c> first when overriding.
    /// </summary>
    protected override void OnInitialized()
    {
        _subscriptions.SubscribeToStates(RequestRender);
        base.OnInitialized();
    }

    /// <summary>
    /// Calls <paramref name="callback"/> on the renderer's thread, then re-renders unless told not to, for every
    /// dispatched action assignable to <typeparamref name="TAction"/>, until the component is disposed.
    /// </summary>
    /// <typeparam name="TAction">The action type, or a base type or interface of the actions wanted.</typeparam>
    /// <param name="callback">Called with each matching action.</param>
    /// <param name="render">
    /// False for a callback that changes nothing the component renders itself, only dispatches (the state it changes
    /// re-renders the component) or decides to do nothing: an action heard by many open pages then costs no render
    /// on the pages it does not concern.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    public void SubscribeToAction<TAction>(Action<TAction> callback, bool render = true)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ActionSubscriber.SubscribeToAction<TAction>(this, action => _ = InvokeAsync(() =>
        {
            if (!_subscriptions.IsDisposed)
            {
                callback(action);
                if (render)
                {
                    StateHasChanged();
                }
            }
        }));
    }

    /// <summary>
    /// Runs <see cref="DisposeAsyncCore"/>, then removes every state and action subscription of the component.
    /// Calling it again does nothing.
    /// </summary>
    /// <returns>A task that completes when the component is disposed.</returns>
    /// <exception cref="InvalidOperationException">An override of <see cref="OnInitialized"/> did not call
    /// <c>base.OnInitialized()</c>.</exception>
    public async ValueTask DisposeAsync()
    {
        if (!_subscriptions.TryBeginDispose())
        {
            return;
        }
        try
        {
            await DisposeAsyncCore();
        }
        finally
        {
            _subscriptions.Unsubscribe(ActionSubscriber);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Override to release the derived component's own resources; the store subscriptions are removed after it,
    /// whether or not it calls the base.
    /// </summary>
    /// <returns>A task that completes when the resources are released.</returns>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private void RequestRender() => _ = InvokeAsync(StateHasChanged);
}
