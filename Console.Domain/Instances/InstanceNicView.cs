using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Instances;

/// <summary>A NIC as its server sees it: its sequence (ethN), address and network.</summary>
public sealed record InstanceNicView(
    string NicId,
    int Sequence,
    NicRole Role,
    NicStatus Status,
    Transition Transition,
    IpAddress PrivateIp,
    string VxNetId,
    string VxNetName,
    VxNetType VxNetType,
    Cidr? Subnet,
    IpAddress? Gateway);
