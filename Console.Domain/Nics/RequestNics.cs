namespace NicConsole.Domain.Nics;

/// <summary>
/// Request NICs in a VxNet: <see cref="Count"/> automatic addresses, or one NIC per given IP (count is then
/// 1 or the number of IPs).
/// </summary>
public sealed record RequestNics(string VxNetId, string Name = "", int Count = 1, IReadOnlyList<string>? PrivateIps = null);
