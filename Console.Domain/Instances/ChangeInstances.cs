using NicConsole.Domain.DataPlane;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Instances;

/// <summary>
/// Start, stop, restart or terminate servers: all of them or none. A server whose NICs are moving waits. One rule with
/// the transition as its parameter; <see cref="StartInstances"/>, <see cref="StopInstances"/>, <see cref="RestartInstances"/>
/// and <see cref="TerminateInstances"/> name it.
/// </summary>
public abstract class ChangeInstances(UseCaseServices services, Transition change, JobAction action) : UseCase(services)
{
    public Task<Result<Accepted>> RunAsync(OperationContext context, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? IdsRefusal(instanceIds, "instances")) is { } refusal)
            {
                return refusal;
            }
            var instances = await LoadAsync(db.Instances, instanceIds, DomainErrors.InstanceNotFound, context, cancellationToken);
            if (!instances.Succeeded)
            {
                return instances.Error!;
            }
            var tenant = TenantOf(instances.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            if (instances.Value.Select(i => i.Refusal(change)).FirstOrDefault(e => e is not null) is { } denied)
            {
                return denied;
            }
            if (await Services.Hosts.OfflineRefusalAsync(instances.Value.Select(i => i.HostId), cancellationToken) is { } offline)
            {
                return offline;
            }
            var nics = await db.Nics.IgnoreQueryFilters().Where(n => n.InstanceId != null && instanceIds.Contains(n.InstanceId)).ToListAsync(cancellationToken);
            if (nics.FirstOrDefault(n => n.Transition != Transition.None) is { } moving)
            {
                return DomainErrors.ServerBusy(moving.InstanceId!, moving.Transition.ApiName());
            }
            // After the change, a started or restarted server runs; a stopped or terminated one does not.
            var running = change is Transition.Starting or Transition.Restarting;
            var spec = DataPlaneSpec.Of(instanceIds.Select(id => new ServerSpec(id, running)), await Specs.NicsAsync(db, nics, _ => running, cancellationToken));
            var jobId = ResourceIds.NewJobId();
            instances.Value.ForEach(i => i.Begin(change, jobId, Now));
            if (change == Transition.Terminating)
            {
                nics.ForEach(n => n.ReleaseWithServer(jobId, Now));
            }
            return AddJob(db, context, tenant.Value, jobId, action, instanceIds, new { instances = instanceIds }, spec, change == Transition.Terminating ? nics : null);
        }, cancellationToken);
}
