using System.Collections.Immutable;
using NicConsole.Domain.Instances;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>One page of the server list and the query that produced it.</summary>
[FeatureState]
public sealed record InstancesState
{
    public InstancesState()
    {
    }

    public InstanceQuery Query { get; init; } = new();
    public ImmutableList<InstanceView> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
    public ImmutableHashSet<string> Selected { get; init; } = [];

    public IReadOnlyList<InstanceView> SelectedItems => Items.Where(i => Selected.Contains(i.Id)).ToList();
}
