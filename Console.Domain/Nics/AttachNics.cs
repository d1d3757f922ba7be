using NicConsole.Domain.DataPlane;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Nics.NicLoading;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Nics;

public sealed class AttachNics(UseCaseServices services) : UseCase(services)
{
    public Task<Result<Accepted>> RunAsync(OperationContext context, IReadOnlyList<string> nicIds, string instanceId, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            var keys = nicIds.Select(MacAddress.KeyOf).ToList();
            if ((ZoneRefusal(context) ?? IdsRefusal(keys, "nics")) is { } refusal)
            {
                return refusal;
            }
            var instance = await LoadOneAsync(db.Instances, instanceId, DomainErrors.InstanceNotFound, context, cancellationToken);
            if (!instance.Succeeded)
            {
                return instance.Error!;
            }
            if (instance.Value.AttachRefusal() is { } notRunning)
            {
                return notRunning;
            }
            var nics = await LoadNicsAsync(db, context, keys, n => n.AttachRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value, instance.Value.Tenant);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var taken = await db.Nics.IgnoreQueryFilters().Where(n => n.InstanceId == instanceId).Select(n => n.Sequence!.Value).ToListAsync(cancellationToken);
            if (InstanceRules.CapacityRefusal(instanceId, taken.Count, keys.Count) is { } full)
            {
                return full;
            }
            if ((await Services.Hosts.OfflineRefusalAsync([instance.Value.HostId], cancellationToken)
                ?? await Placement.NicRoomRefusalAsync(db, instance.Value.HostId, keys.Count, cancellationToken)) is { } hostRefusal)
            {
                return hostRefusal;
            }
            if (await Services.DataPlaneRefusalAsync(db, keys.Count, cancellationToken) is { } dataPlaneFull)
            {
                return dataPlaneFull;
            }
            var sequences = Enumerable.Range(1, Limits.MaxSequence).Except(taken).Take(keys.Count).ToList();
            var jobId = ResourceIds.NewJobId();
            for (var i = 0; i < keys.Count; i++)
            {
                nics.Value[i].AttachTo(instanceId, sequences[i], jobId, Now);
            }
            db.Bump(instance.Value);
            var running = instance.Value.Status == InstanceStatus.Running;
            var spec = DataPlaneSpec.Of([new ServerSpec(instanceId, running)], await Specs.NicsAsync(db, nics.Value, _ => running, cancellationToken));
            return AddJob(db, context, tenant.Value, jobId, JobAction.AttachNics, [.. keys, instanceId], new { nics = keys, instance = instanceId }, spec, nics.Value);
        }, cancellationToken);
}
