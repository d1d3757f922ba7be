using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using NicConsole.Web.Localization;

namespace NicConsole.Tests.Support;

/// <summary>
/// bUnit with MudBlazor: loose JS interop, Mud services, and async disposal (xunit 2 disposes test classes
/// synchronously, which MudBlazor's services refuse).
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        Services.AddSingleton<ErrorText>();
        UseCulture(Cultures.Chinese);
        Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
    }

    /// <summary>Renders in <paramref name="culture"/> (zh-CN or en-US) from here on, as a circuit of that language would.</summary>
    protected static void UseCulture(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    /// <summary>Renders <typeparamref name="T"/> beside the popover and dialog providers that menus and dialogs need.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderWithProviders<T>(out IRenderedComponent<T> component) where T : IComponent
    {
        // Render as a live circuit does, not as prerendering.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var providers = Render<MudDialogProvider>();
        Popovers = Render<MudPopoverProvider>();
        component = Render<T>();
        return providers;
    }

    /// <summary>Where open menus and popovers render, once <see cref="RenderWithProviders{T}"/> ran.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeOwnedAsync();
    }

    /// <summary>Disposes what a test class made besides the context, after the rendered components are gone.</summary>
    protected virtual ValueTask DisposeOwnedAsync() => ValueTask.CompletedTask;
}
