namespace NicConsole.Domain.Instances;

/// <summary>
/// A server's guest view with where it came from; when it is rendered from the database because the data plane
/// cannot be read (it is simulated), <see cref="ProbeReason"/> says why. For a server on another host than the
/// console's, <see cref="Host"/> names that host, and <see cref="ReportedAt"/> is when its agent reported the guest.
/// </summary>
public sealed record GuestReading(InstanceView Instance, GuestView View, string? ProbeReason, string? Host = null, DateTime? ReportedAt = null);
