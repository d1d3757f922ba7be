using System.Collections.Immutable;
using NicConsole.Domain.Nics;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>One page of the NIC list as the operator sees it, the query that produced it, and the selection.</summary>
[FeatureState]
public sealed record NicsState
{
    public const int DefaultPageSize = 20;

    public NicsState()
    {
    }

    public NicQuery Query { get; init; } = new() { Page = new(Limit: DefaultPageSize) };
    public ImmutableList<NicView> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
    public ImmutableHashSet<string> Selected { get; init; } = [];

    public IReadOnlyList<NicView> SelectedItems => Items.Where(n => Selected.Contains(n.Id)).ToList();
}
