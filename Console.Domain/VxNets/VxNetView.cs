using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>A VxNet as lists show it: with its VPC's name and how many of its 252 addresses are used.</summary>
public sealed record VxNetView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required VxNetType Type { get; init; }
    public string? VpcId { get; init; }
    public string? VpcName { get; init; }
    public Cidr? Subnet { get; init; }
    public IpAddress? Gateway { get; init; }
    public IpAddress? DynIpStart { get; init; }
    public IpAddress? DynIpEnd { get; init; }
    public required int Features { get; init; }
    public required int NicCount { get; init; }
    public required Transition Transition { get; init; }
    public string? JobId { get; init; }
    public required string Zone { get; init; }
    public required string Owner { get; init; }
    public required DateTime CreateTime { get; init; }
    public required DateTime StatusTime { get; init; }
    public DateTime? JoinTime { get; init; }

    public int AvailableIpCount => Limits.NicsPerVxNet - NicCount;

    public DomainError? JoinRefusal() => VxNetRules.JoinRefusal(Id, Type, Transition, VpcId);

    public DomainError? LeaveRefusal() => VxNetRules.LeaveRefusal(Id, Transition, VpcId, VpcId ?? "", NicCount);

    public DomainError? DeleteRefusal() => VxNetRules.DeleteRefusal(Id, Type, Transition, NicCount);
}
