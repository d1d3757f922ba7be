using System.Collections.Immutable;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>The VPC open in the detail drawer, with the VxNets joined to it; no id means the drawer is closed.</summary>
[FeatureState]
public sealed record VpcDetailState
{
    public VpcDetailState()
    {
    }

    public string? VpcId { get; init; }
    public VpcView? Vpc { get; init; }
    public ImmutableList<VxNetView> VxNets { get; init; } = [];
    public int VxNetTotal { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
