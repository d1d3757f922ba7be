using NicConsole.Domain.Common;

namespace NicConsole.Domain.Instances;

/// <summary>A cloud server. It is launched with a primary NIC (eth0) and takes up to 63 secondary NICs.</summary>
public sealed class Instance : IResource
{
    private Instance()
    {
    }

    public Instance(string name, string imageId, string instanceType, int cpu, int memory, string zone, string hostId, string owner, string tenant, string jobId, DateTime now)
    {
        Id = ResourceIds.NewInstanceId();
        Name = name;
        ImageId = imageId;
        InstanceType = instanceType;
        Cpu = cpu;
        Memory = memory;
        Zone = zone;
        HostId = hostId;
        Owner = owner;
        Tenant = tenant;
        Status = InstanceStatus.Pending;
        CreateTime = StatusTime = now;
        Begin(Transition.Creating, jobId, now);
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string ImageId { get; private set; } = "";
    public string InstanceType { get; private set; } = "";
    public int Cpu { get; private set; }
    public int Memory { get; private set; }
    public string Zone { get; private set; } = "";

    /// <summary>The hypervisor host it is placed on (<see cref="Hosts.Hypervisor"/>); only an Admin sees it.</summary>
    public string HostId { get; private set; } = "";

    public string Owner { get; private set; } = "";
    public string Tenant { get; private set; } = "";
    public InstanceStatus Status { get; private set; }
    public Transition Transition { get; private set; }
    public string? JobId { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public string State => StateText.Of(Status, Transition);

    public bool IsVisible => Status != InstanceStatus.Terminated;

    public void Modify(string? name, string? description)
    {
        Name = name ?? Name;
        Description = description ?? Description;
    }

    /// <summary>Why NICs cannot be attached now, or null.</summary>
    public DomainError? AttachRefusal() => InstanceRules.AttachRefusal(Id, Status, Transition);

    /// <summary>Why NICs cannot be detached now (running or stopped, no job of its own), or null.</summary>
    public DomainError? DetachRefusal() => InstanceRules.DetachRefusal(Id, Status, Transition);

    public DomainError? Refusal(Transition change) => InstanceRules.Refusal(Id, Status, Transition, change);

    public void Begin(Transition change, string jobId, DateTime now)
    {
        if (change != Transition.Creating)
        {
            DomainException.ThrowIf(Refusal(change));
        }
        Transition = change;
        JobId = jobId;
        StatusTime = now;
    }

    public void Complete(bool succeeded, DateTime now)
    {
        Status = (Transition, succeeded) switch
        {
            (Transition.Creating, true) or (Transition.Starting, true) or (Transition.Restarting, _) => InstanceStatus.Running,
            (Transition.Creating, false) or (Transition.Terminating, true) => InstanceStatus.Terminated,
            (Transition.Stopping, true) => InstanceStatus.Stopped,
            (Transition.Starting, false) or (Transition.Stopping, false) or (Transition.Terminating, false) => Status,
            _ => throw new DomainException($"Server {Id} has no job to complete ({Transition})."),
        };
        Transition = Transition.None;
        JobId = null;
        StatusTime = now;
    }
}
