using System.Collections.Immutable;
using NicConsole.Domain.Jobs;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Jobs.Store;

/// <summary>One page of the job list, the query that produced it, and the job open in the detail drawer.</summary>
[FeatureState]
public sealed record JobsState
{
    public JobsState()
    {
    }

    public JobQuery Query { get; init; } = new();
    public ImmutableList<Job> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
    public Job? Detail { get; init; }
}
