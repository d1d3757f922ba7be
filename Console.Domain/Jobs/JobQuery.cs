using NicConsole.Domain.Common;

namespace NicConsole.Domain.Jobs;

public sealed record JobQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<JobStatus> Statuses { get; init; } = [];
    public IReadOnlyList<JobAction> Actions { get; init; } = [];
    public string? ResourceId { get; init; }
    public string? Owner { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public PageRequest Page { get; init; } = new();
}
