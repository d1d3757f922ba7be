using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;

namespace NicConsole.Domain.Operations;

public sealed record OperationQuery
{
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<OperationResult> Results { get; init; } = [];
    public string? ResourceId { get; init; }
    public string? User { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public PageRequest Page { get; init; } = new();

    /// <summary>
    /// Whether the entry <paramref name="change"/> records can be one this query lists: its action, result and resource
    /// filters as the query applies them (the resource id as a word within the entry's ids, without regard to case);
    /// the user is not in a change, and a change that does not say what it is (a resync) may be anything.
    /// </summary>
    public bool MayList(ResourceChange change) =>
        change.Touched is null
        || ((Actions.Count == 0 || Actions.Contains(change.Action))
            && (Results.Count == 0 || Results.Contains(change.Result))
            && (string.IsNullOrEmpty(ResourceId) || string.Join(' ', change.ResourceIds).Contains(MacAddress.KeyOf(ResourceId), StringComparison.OrdinalIgnoreCase))
            && (To is not { } to || change.At is not { } at || at < to));
}
