using NicConsole.Domain.DataPlane;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Vpcs;

public sealed class DeleteVpcs(UseCaseServices services) : UseCase(services)
{
    public Task<Result<Accepted>> RunAsync(OperationContext context, IReadOnlyList<string> vpcIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? IdsRefusal(vpcIds, "routers")) is { } refusal)
            {
                return refusal;
            }
            var vpcs = await LoadAsync(db.Vpcs, vpcIds, DomainErrors.VpcNotFound, context, cancellationToken);
            if (!vpcs.Succeeded)
            {
                return vpcs.Error!;
            }
            var tenant = TenantOf(vpcs.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var joined = await db.VxNets.IgnoreQueryFilters().WhereIn(x => x.VpcId!, vpcIds)
                .GroupBy(x => x.VpcId!).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var vpc in vpcs.Value)
            {
                if (vpc.DeleteRefusal(joined.GetValueOrDefault(vpc.Id)) is { } denied)
                {
                    return denied;
                }
            }
            var jobId = ResourceIds.NewJobId();
            vpcs.Value.ForEach(v => v.BeginDelete(jobId, Now));
            return AddJob(db, context, tenant.Value, jobId, JobAction.DeleteRouters, vpcIds, new { routers = vpcIds }, DataPlaneSpec.Of(routers: vpcIds.Select(id => new RouterSpec(id, []))));
        }, cancellationToken);
}
