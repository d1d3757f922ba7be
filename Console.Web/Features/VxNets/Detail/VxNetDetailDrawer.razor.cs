using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.VxNets.Detail;

/// <summary>
/// The VxNet open in the list's detail drawer: its fields, the row menu's actions (disabled with their reasons), and
/// the address map of its /24, read again on every committed change (any may take or free one of its addresses).
/// </summary>
public partial class VxNetDetailDrawer
{
    [Inject]
    private IState<VxNetDetailState> Detail { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    [Parameter]
    public EventCallback<VxNetView> Join { get; set; }

    [Parameter]
    public EventCallback<VxNetView> Leave { get; set; }

    [Parameter]
    public EventCallback<VxNetView> Delete { get; set; }

    /// <summary>A free cell of the map was clicked: ask for a NIC in this VxNet with that address.</summary>
    [Parameter]
    public EventCallback<(string VxNetId, IpAddress Ip)> RequestNic { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // The VxNet, the NICs in it (its address map), its VPC and the servers in the map.
        SubscribeToAction<ResourcesChangedAction>(changed =>
        {
            if (Detail.Value.VxNetId is { } open && LiveScope.One(ResourceKinds.VxNet, open, Names()).IsAlteredBy(changed.Changes))
            {
                Dispatcher.Dispatch(new LoadVxNetDetailAction(open));
            }
        }, render: false);
        // A drawer left open on another visit of the page starts closed.
        if (Detail.Value.VxNetId is not null)
        {
            Close();
        }
    }

    /// <summary>What the open VxNet names: its VPC, and the servers that hold its addresses.</summary>
    private IEnumerable<string?> Names() =>
        (Detail.Value.Map?.Cells.Select(c => c.Holder?.InstanceId) ?? []).Append(Detail.Value.VxNet?.VpcId);

    private void OpenChanged(bool open)
    {
        if (!open)
        {
            Close();
        }
    }

    private void Close() => Dispatcher.Dispatch(new CloseVxNetDetailAction());

    /// <summary>Why each disabled action is disabled, with the actions that share a reason named together.</summary>
    private IEnumerable<(string Actions, string Reason)> Reasons(VxNetView x) =>
        new[] { ("VxNets.Join", x.JoinRefusal()), ("VxNets.Leave", x.LeaveRefusal()), ("VxNets.Delete", x.DeleteRefusal()) }
            .Select(a => (a.Item1, Guard.Refusal(a.Item2)))
            .Where(a => a.Item2 is not null)
            .GroupBy(a => Errors[a.Item2!])
            .Select(g => (string.Join(T["VxNets.Detail.And"], g.Select(a => T[a.Item1].Value)), g.Key));
}
