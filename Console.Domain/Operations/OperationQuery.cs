using NicConsole.Domain.Common;

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
}
