namespace NicConsole.Domain.Instances;

/// <summary>
/// A server's guest view with where it came from; when it is rendered from the database because the data plane
/// cannot be read (it is simulated), <see cref="ProbeReason"/> says why. A guest its host's agent reported has
/// <see cref="ReportedAt"/>; one on another host whose agent has not reported it yet, <see cref="NotReported"/>.
/// <see cref="Host"/> names that host, to an Admin only (as the server's page does).
/// </summary>
public sealed record GuestReading(InstanceView Instance, GuestView View, string? ProbeReason, string? Host = null, DateTime? ReportedAt = null,
    bool NotReported = false);
