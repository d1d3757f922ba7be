using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>The VxNet open in the detail drawer, with its address map; no id means the drawer is closed.</summary>
[FeatureState]
public sealed record VxNetDetailState
{
    public VxNetDetailState()
    {
    }

    public string? VxNetId { get; init; }
    public VxNetView? VxNet { get; init; }
    public AddressMap? Map { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
