using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>A private network. It holds NICs only once it has joined a VPC with a /24 (or it is vxnet-0).</summary>
public sealed class VxNet : IResource
{
    public const int DefaultFeatures = 1;

    private VxNet()
    {
    }

    /// <summary>vxnet-0's VXLAN network identifier; every other VxNet takes the next free one from <see cref="FirstVni"/>.</summary>
    public const int BasicVni = 1;

    public const int FirstVni = 4096;

    /// <summary>VXLAN's identifiers are 24 bits.</summary>
    public const int MaxVni = (1 << 24) - 1;

    public VxNet(string name, VxNetType type, string zone, string owner, string tenant, int vni, DateTime now)
        : this(ResourceIds.NewVxNetId(), name, type, zone, owner, tenant, vni, now)
    {
        if (type == VxNetType.Basic)
        {
            throw new DomainException("Only vxnet-0 is a basic network.");
        }
    }

    private VxNet(string id, string name, VxNetType type, string zone, string owner, string tenant, int vni, DateTime now)
    {
        Id = id;
        Vni = vni;
        Name = name;
        Type = type;
        Zone = zone;
        Owner = owner;
        Tenant = tenant;
        CreateTime = StatusTime = now;
    }

    public static VxNet Basic(Cidr subnet, string zone, DateTime now)
    {
        var vxnet = new VxNet(ResourceIds.BasicVxNet, "基础网络", VxNetType.Basic, zone, "system", OperationContext.DefaultTenant, BasicVni, now);
        vxnet.SetAddressing(subnet, subnet.Host(1), subnet.Host(2), subnet.Host(AddressPlan.PlatformOffset), DefaultFeatures);
        return vxnet;
    }

    public string Id { get; private set; } = "";

    /// <summary>Its VXLAN network identifier, the same on every host it spans; unique, never changed.</summary>
    public int Vni { get; private set; }

    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public VxNetType Type { get; private set; }
    public string Zone { get; private set; } = "";
    public string Owner { get; private set; } = "";

    /// <summary>The tenant it belongs to; vxnet-0 is shared by every tenant (its NICs still have their own).</summary>
    public string Tenant { get; private set; } = "";
    public string? VpcId { get; private set; }
    public Cidr? Subnet { get; private set; }
    public IpAddress? Gateway { get; private set; }
    public IpAddress? DynIpStart { get; private set; }
    public IpAddress? DynIpEnd { get; private set; }
    public int Features { get; private set; }
    public DateTime? JoinTime { get; private set; }
    public Transition Transition { get; private set; }
    public string? JobId { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public bool IsVisible => true;

    public bool IsBasic => Type == VxNetType.Basic;

    /// <summary>The address plan, once the VxNet has a subnet (joined a VPC, or vxnet-0).</summary>
    public AddressPlan? Plan => Subnet is { } subnet && Gateway is { } gateway ? new AddressPlan(subnet, gateway) : null;

    public DomainError? ModifyRefusal() => IsBasic ? DomainErrors.BasicNetworkFixed() : null;

    public void Modify(string? name, string? description)
    {
        DomainException.ThrowIf(ModifyRefusal());
        Name = name ?? Name;
        Description = description ?? Description;
    }

    /// <summary>Why a secondary NIC cannot be requested in this VxNet now, or null.</summary>
    public DomainError? NicRefusal()
    {
        if (IsBasic)
        {
            return DomainErrors.BasicNetworkNoSecondary();
        }
        return VpcId is null || Plan is null || Transition != Transition.None
            ? DomainErrors.VxNetNotInVpc(Id) : null;
    }

    /// <summary>Why a server's primary NIC cannot be placed in this VxNet now, or null.</summary>
    public DomainError? PrimaryNicRefusal() => IsBasic ? null : NicRefusal();

    public DomainError? JoinRefusal() => VxNetRules.JoinRefusal(Id, Type, Transition, VpcId);

    public DomainError? LeaveRefusal(string vpcId, int nics) => VxNetRules.LeaveRefusal(Id, Transition, VpcId, vpcId, nics);

    public DomainError? DeleteRefusal(int nics) => VxNetRules.DeleteRefusal(Id, Type, Transition, nics);

    public void BeginJoin(string vpcId, AddressPlan plan, IpAddress dynStart, IpAddress dynEnd, int features, string jobId, DateTime now)
    {
        DomainException.ThrowIf(JoinRefusal());
        VpcId = vpcId;
        SetAddressing(plan.Subnet, plan.Gateway, dynStart, dynEnd, features);
        JoinTime = now;
        Begin(Transition.Joining, jobId, now);
    }

    /// <summary>Changes the DHCP settings of a VxNet in a VPC; the range is checked by the caller.</summary>
    public void SetDhcp(IpAddress dynStart, IpAddress dynEnd, int features)
    {
        if (VpcId is null || Subnet is not { } subnet || !subnet.Contains(dynStart) || !subnet.Contains(dynEnd))
        {
            throw new DomainException($"VxNet {Id} has no such DHCP range.");
        }
        DynIpStart = dynStart;
        DynIpEnd = dynEnd;
        Features = features;
    }

    public void BeginLeave(string jobId, DateTime now)
    {
        if (VpcId is null || LeaveRefusal(VpcId, 0) is not null)
        {
            throw new DomainException($"VxNet {Id} cannot leave its VPC now.");
        }
        Begin(Transition.Leaving, jobId, now);
    }

    public void Complete(bool succeeded, DateTime now)
    {
        var leaves = (Transition, succeeded) switch
        {
            (Transition.Joining, var ok) => !ok,
            (Transition.Leaving, var ok) => ok,
            _ => throw new DomainException($"VxNet {Id} has no job to complete ({Transition})."),
        };
        if (leaves)
        {
            VpcId = null;
            Subnet = null;
            Gateway = DynIpStart = DynIpEnd = null;
            Features = 0;
            JoinTime = null;
        }
        Transition = Transition.None;
        JobId = null;
        StatusTime = now;
    }

    private void SetAddressing(Cidr subnet, IpAddress gateway, IpAddress dynStart, IpAddress dynEnd, int features)
    {
        Subnet = subnet;
        Gateway = gateway;
        DynIpStart = dynStart;
        DynIpEnd = dynEnd;
        Features = features;
    }

    private void Begin(Transition transition, string jobId, DateTime now)
    {
        Transition = transition;
        JobId = jobId;
        StatusTime = now;
    }
}
