using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>A network interface. Its id is its MAC; it lives in one VxNet with one private IP, and outlives servers.</summary>
public sealed class Nic : IResource
{
    private Nic()
    {
    }

    private Nic(string name, string vxNetId, IpAddress privateIp, NicRole role, string zone, string owner, string tenant, DateTime now)
    {
        Id = MacAddress.NewRandom().Value;
        Name = name;
        VxNetId = vxNetId;
        PrivateIp = privateIp;
        Role = role;
        Zone = zone;
        Owner = owner;
        Tenant = tenant;
        Status = NicStatus.Available;
        CreateTime = StatusTime = now;
    }

    public static Nic Secondary(string name, string vxNetId, IpAddress privateIp, string zone, string owner, string tenant, DateTime now) =>
        new(name, vxNetId, privateIp, NicRole.Secondary, zone, owner, tenant, now);

    /// <summary>A NIC created with a server, in the server's tenant: the primary at sequence 0, or one of its first secondaries.</summary>
    public static Nic ForNewServer(int sequence, string vxNetId, IpAddress privateIp, Instance server, string jobId, DateTime now)
    {
        var nic = new Nic("", vxNetId, privateIp, sequence == 0 ? NicRole.Primary : NicRole.Secondary, server.Zone, server.Owner, server.Tenant, now);
        nic.BeginAttach(server.Id, sequence, jobId, now);
        return nic;
    }

    /// <summary>The NIC's MAC address in lower case, <c>52:54:xx:xx:xx:xx</c>.</summary>
    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string VxNetId { get; private set; } = "";
    public IpAddress PrivateIp { get; private set; }
    public NicStatus Status { get; private set; }
    public Transition Transition { get; private set; }
    public NicRole Role { get; private set; }
    public string? InstanceId { get; private set; }
    public int? Sequence { get; private set; }
    public string Zone { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public string Tenant { get; private set; } = "";
    public string? JobId { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public bool IsVisible => true;

    public bool IsPrimary => Role == NicRole.Primary;

    public string State => StateText.Of(Status, Transition);

    public void Modify(string? name, string? description)
    {
        Name = name ?? Name;
        Description = description ?? Description;
    }

    /// <summary>Why the NIC's address or VxNet cannot change now, or null.</summary>
    public DomainError? ReaddressRefusal() => NicRules.ReaddressRefusal(Id, Status, Transition);

    public void Readdress(string vxNetId, IpAddress privateIp, DateTime now)
    {
        DomainException.ThrowIf(ReaddressRefusal());
        VxNetId = vxNetId;
        PrivateIp = privateIp;
        StatusTime = now;
    }

    public DomainError? AttachRefusal() => NicRules.AttachRefusal(Id, Role, Status, Transition, InstanceId);

    public DomainError? DetachRefusal() => NicRules.DetachRefusal(Id, Role, Status, Transition, InstanceId);

    public DomainError? DeleteRefusal() => NicRules.DeleteRefusal(Id, Role, Status, Transition, InstanceId);

    public void AttachTo(string instanceId, int sequence, string jobId, DateTime now)
    {
        DomainException.ThrowIf(AttachRefusal());
        BeginAttach(instanceId, sequence, jobId, now);
    }

    public void Detach(string jobId, DateTime now)
    {
        DomainException.ThrowIf(DetachRefusal());
        Begin(Transition.Detaching, jobId, now);
    }

    /// <summary>The server this NIC sits on is being terminated: the primary goes with it, a secondary is released.</summary>
    public void ReleaseWithServer(string jobId, DateTime now)
    {
        if (Status != NicStatus.InUse || Transition != Transition.None)
        {
            throw new DomainException($"NIC {Id} is {State}; the server cannot release it.");
        }
        Begin(Transition.Detaching, jobId, now);
    }

    public void Complete(bool succeeded, string? error, DateTime now)
    {
        switch (Transition, succeeded)
        {
            case (Transition.Attaching, true):
                Status = NicStatus.InUse;
                break;
            case (Transition.Attaching, false):
            case (Transition.Detaching, true):
                Status = NicStatus.Available;
                InstanceId = null;
                Sequence = null;
                break;
            case (Transition.Detaching, false):
                Status = NicStatus.InUse;
                break;
            default:
                throw new DomainException($"NIC {Id} has no job to complete ({Transition}).");
        }
        LastError = succeeded ? null : error;
        Transition = Transition.None;
        JobId = null;
        StatusTime = now;
    }

    private void BeginAttach(string instanceId, int sequence, string jobId, DateTime now)
    {
        if (sequence is < 0 or > Limits.MaxSequence || (sequence == 0) != IsPrimary)
        {
            throw new DomainException($"Sequence {sequence} does not fit NIC {Id} ({Role}).");
        }
        InstanceId = instanceId;
        Sequence = sequence;
        Begin(Transition.Attaching, jobId, now);
    }

    private void Begin(Transition transition, string jobId, DateTime now)
    {
        Transition = transition;
        JobId = jobId;
        StatusTime = now;
    }
}
