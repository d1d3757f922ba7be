using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>Where an operation put a NIC, as far as its log entry says: its server and ethN, its address.</summary>
public sealed record NicPlacement(string? InstanceId, int? Sequence, IpAddress? PrivateIp);
