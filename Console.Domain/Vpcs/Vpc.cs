using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Vpcs;

/// <summary>A VPC (QingCloud's router): an address range that VxNets join with a /24 each.</summary>
public sealed class Vpc : IResource
{
    /// <summary>The ranges a VPC may have: 192.168.0.0/16 and 172.16.0.0/16 to 172.31.0.0/16.</summary>
    public static readonly IReadOnlyList<Cidr> AllowedRanges =
        [Cidr.Parse("192.168.0.0/16"), .. Enumerable.Range(16, 16).Select(i => Cidr.Parse($"172.{i}.0.0/16"))];

    public static readonly Cidr DefaultRange = AllowedRanges[0];

    private Vpc()
    {
    }

    public Vpc(string name, Cidr network, int routerType, string zone, string owner, string tenant, string jobId, DateTime now)
    {
        if (!IsAllowedRange(network))
        {
            throw new DomainException($"VPC range {network} is not allowed.");
        }
        Id = ResourceIds.NewVpcId();
        Name = name;
        Network = network;
        RouterType = routerType;
        Zone = zone;
        Owner = owner;
        Tenant = tenant;
        Status = VpcStatus.Pending;
        Transition = Transition.Creating;
        JobId = jobId;
        CreateTime = StatusTime = now;
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Cidr Network { get; private set; }
    public int RouterType { get; private set; }
    public string Zone { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public string Tenant { get; private set; } = "";
    public VpcStatus Status { get; private set; }
    public Transition Transition { get; private set; }
    public string? JobId { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public bool IsVisible => Status is not (VpcStatus.Deleted or VpcStatus.Ceased);

    public static bool IsAllowedRange(Cidr network) => AllowedRanges.Contains(network);

    public void Modify(string? name, string? description)
    {
        Name = name ?? Name;
        Description = description ?? Description;
    }

    public DomainError? JoinRefusal() => VpcRules.JoinRefusal(Id, Status, Transition);

    public DomainError? DeleteRefusal(int joinedVxNets) => VpcRules.DeleteRefusal(Id, Status, Transition, joinedVxNets);

    public void BeginDelete(string jobId, DateTime now)
    {
        DomainException.ThrowIf(DeleteRefusal(0));
        Begin(Transition.Deleting, jobId, now);
    }

    public void Complete(bool succeeded, DateTime now)
    {
        Status = (Transition, succeeded) switch
        {
            (Transition.Creating, true) => VpcStatus.Active,
            (Transition.Creating, false) => VpcStatus.Ceased,
            (Transition.Deleting, true) => VpcStatus.Deleted,
            (Transition.Deleting, false) => VpcStatus.Active,
            _ => throw new DomainException($"VPC {Id} has no job to complete ({Transition})."),
        };
        Transition = Transition.None;
        JobId = null;
        StatusTime = now;
    }

    private void Begin(Transition transition, string jobId, DateTime now)
    {
        Transition = transition;
        JobId = jobId;
        StatusTime = now;
    }
}
