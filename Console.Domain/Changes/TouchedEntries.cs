using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Common;
using NicConsole.Domain.Dashboard;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Changes;

/// <summary>
/// What a use case is about to write, read from the change tracker before it saves: every resource added, modified or
/// deleted, with the containers it sat in before and sits in after, and its state before and after. A use case does not
/// list what it touched: what it wrote is what it touched. A container whose only change is its version (bumped because
/// something in it changed) is not counted as touched: what changed in it is.
/// </summary>
public static class TouchedEntries
{
    public static IReadOnlyList<Touched> Of(DbContext db)
    {
        var touched = new List<Touched>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || OnlyBumped(entry))
            {
                continue;
            }
            if (Describe(entry) is { } resource)
            {
                touched.Add(resource);
            }
        }
        return touched;
    }

    private static Touched? Describe(EntityEntry entry) => entry.Entity switch
    {
        Nic nic => Make(entry, ResourceKinds.Nic, nic.Id, [nameof(Nic.VxNetId), nameof(Nic.InstanceId)],
            v => new ResourceState(v.GetValue<NicStatus>(nameof(Nic.Status)).ApiName(), Changing(v))),
        VxNet vxNet => Make(entry, ResourceKinds.VxNet, vxNet.Id, [nameof(VxNet.VpcId)],
            v => new ResourceState(VxNetStates.Of(v.GetValue<VxNetType>(nameof(VxNet.Type)), v.GetValue<string?>(nameof(VxNet.VpcId))), Changing(v))),
        Vpc vpc => Make(entry, ResourceKinds.Vpc, vpc.Id, [],
            v => new ResourceState(v.GetValue<VpcStatus>(nameof(Vpc.Status)).ApiName(), Changing(v))),
        Instance instance => Make(entry, ResourceKinds.Instance, instance.Id, [nameof(Instance.HostId)],
            v => new ResourceState(v.GetValue<InstanceStatus>(nameof(Instance.Status)).ApiName(), Changing(v))),
        Job job => Make(entry, ResourceKinds.Job, job.Id, [],
            v => new ResourceState(v.GetValue<JobStatus>(nameof(Job.Status)).ApiName(), false)),
        AccessKey key => Make(entry, ResourceKinds.AccessKey, key.Id, [nameof(AccessKey.User)],
            v => new ResourceState(v.GetValue<DateTime?>(nameof(AccessKey.RevokeTime)) is null ? "active" : "revoked", false)),
        Hypervisor host => Make(entry, ResourceKinds.Host, host.Name, [],
            v => new ResourceState(HostState(v.GetValue<bool>(nameof(Hypervisor.Online)), v.GetValue<bool>(nameof(Hypervisor.Drained))), false)),
        _ => null,
    };

    private static string HostState(bool online, bool drained) =>
        (!online ? HostStatus.Offline : drained ? HostStatus.Draining : HostStatus.Ready).ApiName();

    private static bool Changing(PropertyValues values) => values.GetValue<Transition>(nameof(Nic.Transition)) != Transition.None;

    private static Touched Make(EntityEntry entry, string kind, string id, string[] containers, Func<PropertyValues, ResourceState> state)
    {
        var added = entry.State == EntityState.Added;
        var deleted = entry.State == EntityState.Deleted;
        var within = new List<string>(containers.Length * 2);
        var moved = false;
        foreach (var name in containers)
        {
            var property = entry.Property(name);
            moved |= !added && !deleted && !Equals(property.OriginalValue, property.CurrentValue);
            foreach (var value in added ? [property.CurrentValue] : new[] { property.OriginalValue, property.CurrentValue })
            {
                if (value is string { Length: > 0 } container && !within.Contains(container))
                {
                    within.Add(container);
                }
            }
        }
        return new Touched(kind, id, within, added ? null : state(entry.OriginalValues), deleted ? null : state(entry.CurrentValues), moved);
    }

    private static bool OnlyBumped(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Properties.All(p => !p.IsModified || p.Metadata.Name == ConsoleDbContext.Version);
}
