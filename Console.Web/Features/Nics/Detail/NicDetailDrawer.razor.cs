using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Nics.Detail;

/// <summary>
/// The NIC open in the list's detail drawer: its fields, the row menu's actions (disabled with their reasons), and its
/// timeline, read again whenever a committed change names it.
/// </summary>
public partial class NicDetailDrawer
{
    [Inject]
    private IState<NicDetailState> Detail { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    /// <summary>Asks to attach the NIC, as the row menu does.</summary>
    [Parameter]
    public EventCallback<NicView> Modify { get; set; }

    [Parameter]
    public EventCallback<NicView> Attach { get; set; }

    [Parameter]
    public EventCallback<NicView> Detach { get; set; }

    [Parameter]
    public EventCallback<NicView> Delete { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<ResourcesChangedAction>(changed =>
        {
            // The NIC, its history (every change that names it) and the VxNet and server it names.
            if (Detail.Value.NicId is { } open
                && (changed.Changes.Any(c => c.ResourceIds.Contains(open, StringComparer.OrdinalIgnoreCase))
                    || LiveScope.One(ResourceKinds.Nic, open, [Detail.Value.Nic?.VxNetId, Detail.Value.Nic?.InstanceId]).IsAlteredBy(changed.Changes)))
            {
                Dispatcher.Dispatch(new LoadNicDetailAction(open));
            }
        }, render: false);
        // A drawer left open on another visit of the page starts closed.
        if (Detail.Value.NicId is not null)
        {
            Close();
        }
    }

    private void OpenChanged(bool open)
    {
        if (!open)
        {
            Close();
        }
    }

    private void Close() => Dispatcher.Dispatch(new CloseNicDetailAction());

    /// <summary>Why each disabled action is disabled, with the actions that share a reason named together.</summary>
    private IEnumerable<(string Actions, string Reason)> Reasons(NicView nic) =>
        new[] { ("Nics.Modify", (DomainError?)null), ("Nics.Attach", nic.AttachRefusal()), ("Nics.Detach", nic.DetachRefusal()), ("Nics.Delete", nic.DeleteRefusal()) }
            .Select(a => (a.Item1, Guard.Refusal(a.Item2)))
            .Where(a => a.Item2 is not null)
            .GroupBy(a => Errors[a.Item2!])
            .Select(g => (string.Join(T["Nics.Detail.And"], g.Select(a => T[a.Item1].Value)), g.Key));
}
