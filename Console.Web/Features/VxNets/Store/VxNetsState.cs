using System.Collections.Immutable;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>One page of the VxNet list and the query that produced it.</summary>
[FeatureState]
public sealed record VxNetsState
{
    public VxNetsState()
    {
    }

    public VxNetQuery Query { get; init; } = new();
    public ImmutableList<VxNetView> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
