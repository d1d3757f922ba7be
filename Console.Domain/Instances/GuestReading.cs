namespace NicConsole.Domain.Instances;

/// <summary>
/// A server's guest view with where it came from; when it is rendered from the database because the data plane
/// cannot be read (it is simulated), <see cref="ProbeReason"/> says why.
/// </summary>
public sealed record GuestReading(InstanceView Instance, GuestView View, string? ProbeReason);
