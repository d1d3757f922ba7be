using System.Collections.Immutable;
using NicConsole.Domain.Operations;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Operations.Store;

/// <summary>One page of the operation log, the query that produced it, and the entry open in the detail drawer.</summary>
[FeatureState]
public sealed record OperationsState
{
    public OperationsState()
    {
    }

    public OperationQuery Query { get; init; } = new();
    public ImmutableList<OperationLogEntry> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
    public OperationLogEntry? Detail { get; init; }
}
