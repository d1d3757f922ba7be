using NicConsole.Domain.DataPlane;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Nics.NicLoading;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Nics;

public sealed class DetachNics(UseCaseServices services) : UseCase(services)
{
    public Task<Result<Accepted>> RunAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            var keys = nicIds.Select(MacAddress.KeyOf).ToList();
            if ((ZoneRefusal(context) ?? IdsRefusal(keys, "nics")) is { } refusal)
            {
                return refusal;
            }
            var nics = await LoadNicsAsync(db, context, keys, n => n.DetachRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var instanceIds = nics.Value.Select(n => n.InstanceId!).Distinct().ToList();
            var instances = await db.Instances.IgnoreQueryFilters().Where(i => instanceIds.Contains(i.Id)).ToListAsync(cancellationToken);
            if ((instances.Select(i => i.DetachRefusal()).FirstOrDefault(e => e is not null)
                ?? await Services.Hosts.OfflineRefusalAsync(instances.Select(i => i.HostId), cancellationToken)) is { } busy)
            {
                return busy;
            }
            var running = instances.Where(i => i.Status == InstanceStatus.Running).Select(i => i.Id).ToHashSet();
            var spec = DataPlaneSpec.Of(nics: await Specs.NicsAsync(db, nics.Value, running.Contains, cancellationToken));
            var jobId = ResourceIds.NewJobId();
            nics.Value.ForEach(n => n.Detach(jobId, Now));
            instances.ForEach(i => db.Bump(i));
            return AddJob(db, context, tenant.Value, jobId, JobAction.DetachNics, [.. keys, .. instanceIds], new { nics = keys }, spec, nics.Value);
        }, cancellationToken);
}
