using NicConsole.Domain.Operations;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>
/// One event of a NIC's life: when and by whom it was asked, and how it ended (accepted while its job runs,
/// then succeeded or failed with the job's error).
/// </summary>
public sealed record NicTimelineEntry
{
    public required DateTime Time { get; init; }
    public required string User { get; init; }
    public required NicEvent Event { get; init; }
    public required OperationResult Result { get; init; }
    public DateTime? FinishTime { get; init; }
    public string? Error { get; init; }
    public string? JobId { get; init; }
    public string? InstanceId { get; init; }
    public int? Sequence { get; init; }
    public string? VxNetId { get; init; }
    public IpAddress? PrivateIp { get; init; }
    public string? FromVxNetId { get; init; }
    public IpAddress? FromIp { get; init; }

    /// <summary>The new name or description.</summary>
    public string? Text { get; init; }
}
