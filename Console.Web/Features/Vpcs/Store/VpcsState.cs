using System.Collections.Immutable;
using NicConsole.Domain.Vpcs;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>One page of the VPC list as the operator sees it, the query that produced it, and the selection.</summary>
[FeatureState]
public sealed record VpcsState
{
    public VpcsState()
    {
    }

    public VpcQuery Query { get; init; } = new();
    public ImmutableList<VpcView> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
    public ImmutableHashSet<string> Selected { get; init; } = [];

    public IReadOnlyList<VpcView> SelectedItems => Items.Where(v => Selected.Contains(v.Id)).ToList();
}
