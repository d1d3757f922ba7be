namespace NicConsole.Domain.Dashboard;

/// <summary>How many resources of one kind there are, by settled status (API names), and how many a job is changing.</summary>
public sealed record ResourceCounts(int Total, IReadOnlyList<StatusCount> ByStatus, int Changing)
{
    public int Of(string status) => ByStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
}
