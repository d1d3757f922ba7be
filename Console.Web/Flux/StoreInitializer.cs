using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Components;

namespace NicConsole.Web.Flux;

/// <summary>
/// Initialises the store of the current circuit. Place <c>&lt;StoreInitializer /&gt;</c> once inside the
/// interactive root (for example the layout of <c>Routes</c> rendered <c>InteractiveServer</c>): it acts in
/// <c>OnAfterRenderAsync(firstRender)</c>, which never runs for prerendered or static output, so outside the
/// interactive root effects would run twice or never.
/// </summary>
/// <remarks>
/// It also watches <see cref="IStore.UnhandledException"/>: each exception is passed to
/// <see cref="UnhandledException"/>, and one that no handler marked with
/// <see cref="Exceptions.UnhandledExceptionEventArgs.Handled"/> is rethrown from the component, so that it reaches Blazor's
/// error UI instead of disappearing in a log.
/// </remarks>
public sealed class StoreInitializer : ComponentBase, IDisposable
{
    private Exception? _exceptionToThrow;

    [Inject]
    private IStore Store { get; set; } = default!;

    /// <summary>
    /// Called on the renderer's thread for every exception the store reports. Call
    /// <see cref="Exceptions.UnhandledExceptionEventArgs.Handled"/> to stop it from being rethrown.
    /// </summary>
    [Parameter]
    public EventCallback<Exceptions.UnhandledExceptionEventArgs> UnhandledException { get; set; }

    /// <summary>
    /// Stops watching the store's exceptions.
    /// </summary>
    public void Dispose() => Store.UnhandledException -= OnUnhandledException;

    /// <inheritdoc />
    protected override void OnInitialized() => Store.UnhandledException += OnUnhandledException;

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (_exceptionToThrow is { } exception)
        {
            _exceptionToThrow = null;
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Store.InitializeAsync();
        }
    }

    private void OnUnhandledException(object? sender, Exceptions.UnhandledExceptionEventArgs e) => _ = InvokeAsync(async () =>
    {
        try
        {
            await UnhandledException.InvokeAsync(e);
        }
        catch (Exception handlerException)
        {
            _exceptionToThrow = handlerException;
            StateHasChanged();
            return;
        }
        if (!e.WasHandled)
        {
            _exceptionToThrow = e.Exception;
            StateHasChanged();
        }
    });
}
