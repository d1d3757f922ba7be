using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Dashboard;

/// <summary>
/// What the operator's dashboard shows of one zone at <see cref="Time"/>: how many of each resource there are in
/// each state, where the network is full, what is running, failing or stuck, and what changed lately.
/// </summary>
public sealed record DashboardView
{
    /// <summary>How far back the failed jobs and the activity chart look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public required DateTime Time { get; init; }

    /// <summary>
    /// The last commit the counts include (the id of its first operation log entry): a change of a later commit moves
    /// them, one of this commit or before is in them already.
    /// </summary>
    public required long Commit { get; init; }
    public required ResourceCounts Nics { get; init; }
    public required ResourceCounts VxNets { get; init; }
    public required ResourceCounts Vpcs { get; init; }
    public required ResourceCounts Servers { get; init; }
    public required IReadOnlyList<Usage> FullestVxNets { get; init; }
    public required IReadOnlyList<Usage> FullestServers { get; init; }
    public required JobCounts Jobs { get; init; }
    public required IReadOnlyList<Job> FailedJobs { get; init; }
    public required IReadOnlyList<StuckJob> StuckJobs { get; init; }
    public required int StuckJobCount { get; init; }
    public required TimeSpan StuckAfter { get; init; }

    /// <summary>When the next running job will count as stuck if nothing changes before; nothing when none is running.</summary>
    public required DateTime? NextStuckAt { get; init; }

    public required IReadOnlyList<OperationLogEntry> LatestOperations { get; init; }

    /// <summary>One bucket per hour of the <see cref="Window"/>, oldest first, the current hour last.</summary>
    public required IReadOnlyList<NicActivity> NicActivity { get; init; }
}
