using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>A NIC as lists show it: with its VxNet's and server's names.</summary>
public sealed record NicView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required NicStatus Status { get; init; }
    public required Transition Transition { get; init; }
    public required NicRole Role { get; init; }
    public int? Sequence { get; init; }
    public required string VxNetId { get; init; }
    public required string VxNetName { get; init; }
    public required VxNetType VxNetType { get; init; }
    public Cidr? Subnet { get; init; }
    public required IpAddress PrivateIp { get; init; }
    public string? InstanceId { get; init; }
    public string? InstanceName { get; init; }
    public required string Zone { get; init; }
    public required string Owner { get; init; }
    public string? JobId { get; init; }
    public string? LastError { get; init; }
    public required DateTime CreateTime { get; init; }
    public required DateTime StatusTime { get; init; }

    public DomainError? AttachRefusal() => NicRules.AttachRefusal(Id, Role, Status, Transition, InstanceId);

    public DomainError? DetachRefusal() => NicRules.DetachRefusal(Id, Role, Status, Transition, InstanceId);

    public DomainError? DeleteRefusal() => NicRules.DeleteRefusal(Id, Role, Status, Transition, InstanceId);

    public DomainError? ReaddressRefusal() => NicRules.ReaddressRefusal(Id, Status, Transition);
}
