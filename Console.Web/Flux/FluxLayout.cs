using Microsoft.AspNetCore.Components;

namespace NicConsole.Web.Flux;

/// <summary>
/// <see cref="FluxComponent"/> for layouts (<c>@inherits FluxLayout</c>): the same state and action
/// subscriptions, on top of <see cref="LayoutComponentBase"/>.
/// </summary>
/// <remarks>
/// An override of <see cref="OnInitialized"/> must call <c>base.OnInitialized()</c> first; a layout that does
/// not fails at dispose with an <see cref="InvalidOperationException"/> naming the cause.
/// </remarks>
public abstract class FluxLayout : LayoutComponentBase, IAsyncDisposable
{
    private readonly ComponentSubscriptions _subscriptions;

    /// <summary>
    /// Creates the layout.
    /// </summary>
    protected FluxLayout()
    {
        _subscriptions = new ComponentSubscriptions(this, nameof(FluxLayout));
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
    /// Subscribes to the layout's states. Call <c>base.OnInitialized()</c> first when overriding.
    /// </summary>
    protected override void OnInitialized()
    {
        _subscriptions.SubscribeToStates(RequestRender);
        base.OnInitialized();
    }

    /// <summary>
    /// Calls <paramref name="callback"/> on the renderer's thread, then re-renders, for every dispatched action
    /// assignable to <typeparamref name="TAction"/>, until the layout is disposed.
    /// </summary>
    /// <typeparam name="TAction">The action type, or a base type or interface of the actions wanted.</typeparam>
    /// <param name="callback">Called with each matching action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    public void SubscribeToAction<TAction>(Action<TAction> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ActionSubscriber.SubscribeToAction<TAction>(this, action => _ = InvokeAsync(() =>
        {
            if (!_subscriptions.IsDisposed)
            {
                callback(action);
                StateHasChanged();
            }
        }));
    }

    /// <summary>
    /// Runs <see cref="DisposeAsyncCore"/>, then removes every state and action subscription of the layout.
    /// Calling it again does nothing.
    /// </summary>
    /// <returns>A task that completes when the layout is disposed.</returns>
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
    /// Override to release the derived layout's own resources; the store subscriptions are removed after it,
    /// whether or not it calls the base.
    /// </summary>
    /// <returns>A task that completes when the resources are released.</returns>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private void RequestRender() => _ = InvokeAsync(StateHasChanged);
}
