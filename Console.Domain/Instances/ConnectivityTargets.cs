using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Instances;

/// <summary>
/// Where a server's connectivity check may aim: its networks (its VxNets' subnets and the ranges of their VPCs),
/// the gateways of its VxNets and the other NICs of its VPCs.
/// </summary>
public sealed record ConnectivityTargets(string InstanceId, InstanceStatus Status, IReadOnlyList<Cidr> Networks,
    IReadOnlyList<ConnectivityTarget> Gateways, IReadOnlyList<ConnectivityTarget> Nics)
{
    /// <summary>Why no check can run from this server here: it is on another host than the console's (named to an Admin only); null when none.</summary>
    public DomainError? HostRefusal { get; init; }

    public DomainError? TargetRefusal(string? target) => ConnectivityRules.TargetRefusal(target, Networks);
}
