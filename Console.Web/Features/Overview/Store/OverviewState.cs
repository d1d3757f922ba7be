using System.Collections.Immutable;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Overview.Store;

/// <summary>The first page of each list the overview shows, and how many of each there are.</summary>
[FeatureState]
public sealed record OverviewState
{
    public OverviewState()
    {
    }

    public ImmutableList<VpcView> Vpcs { get; init; } = [];
    public int VpcCount { get; init; }
    public ImmutableList<VxNetView> VxNets { get; init; } = [];
    public int VxNetCount { get; init; }
    public ImmutableList<NicView> Nics { get; init; } = [];
    public int NicCount { get; init; }
    public ImmutableList<InstanceView> Instances { get; init; } = [];
    public int InstanceCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
