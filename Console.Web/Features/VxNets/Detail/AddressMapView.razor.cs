using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.VxNets.Detail;

/// <summary>
/// A VxNet's /24 as a 16×16 grid, one cell an address, coloured by what it is: reserved (network, gateway,
/// DHCP/metadata, broadcast), used by a NIC (a link to that NIC; another tenant's
/// in the shared vxnet-0 is only "used"), or free (a click asks for a NIC with it).
/// </summary>
public partial class AddressMapView
{
    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    /// <summary>The map to draw; it has 256 cells.</summary>
    [Parameter, EditorRequired]
    public AddressMap Map { get; set; } = default!;

    /// <summary>A free address was clicked; only offered while the VxNet takes NIC requests.</summary>
    [Parameter]
    public EventCallback<IpAddress> FreeCellClicked { get; set; }

    /// <summary>The kind as the cells' <c>data-kind</c> and CSS class name it.</summary>
    public static string KindName(AddressKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Why a free cell cannot be requested: the operator's role, then the VxNet's own state.</summary>
    private DomainError? RequestRefusal => Guard.Refusal(Map.RequestRefusal);

    private int Count(AddressKind kind) => Map.Cells.Count(c => c.Kind == kind);

    private static string NicPage(AddressHolder holder) => $"nics?search={Uri.EscapeDataString(holder.NicId)}";

    private string Title(AddressCell cell)
    {
        var kind = T["VxNets.Map.Kind." + cell.Kind].Value;
        return cell switch
        {
            { Holder.IsOtherTenant: true } => T["VxNets.Map.UsedByOtherTenant", cell.Address],
            { Holder: { InstanceId: { } server } holder } =>
                T["VxNets.Map.UsedOnServer", cell.Address, holder.NicId, holder.NicName, holder.InstanceName ?? server, server, holder.Sequence ?? 0],
            { Holder: { } holder } => T["VxNets.Map.Used", cell.Address, holder.NicId, holder.NicName],
            { Kind: AddressKind.Free } when RequestRefusal is { } refusal => $"{cell.Address} · {kind} · {Errors[refusal]}",
            { Kind: AddressKind.Free } => T["VxNets.Map.Free", cell.Address],
            _ => $"{cell.Address} · {kind}",
        };
    }
}
