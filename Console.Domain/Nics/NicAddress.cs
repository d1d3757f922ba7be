using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

public sealed record NicAddress(string NicId, IpAddress PrivateIp);
