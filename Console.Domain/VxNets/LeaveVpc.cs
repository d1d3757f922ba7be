using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.VxNets;

public sealed class LeaveVpc(UseCaseServices services) : UseCase(services)
{
    public Task<Result<Accepted>> RunAsync(OperationContext context, string vpcId, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? IdsRefusal(vxNetIds, "vxnets")) is { } refusal)
            {
                return refusal;
            }
            var vpc = await LoadOneAsync(db.Vpcs, vpcId, DomainErrors.VpcNotFound, context, cancellationToken);
            if (!vpc.Succeeded)
            {
                return vpc.Error!;
            }
            var vxnets = await LoadAsync(db.VxNets, vxNetIds, DomainErrors.VxNetNotFound, context, cancellationToken);
            if (!vxnets.Succeeded)
            {
                return vxnets.Error!;
            }
            var tenant = TenantOf([vpc.Value, .. vxnets.Value]);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var nics = await NicCountsAsync(db, vxNetIds, cancellationToken);
            foreach (var vxnet in vxnets.Value)
            {
                if (vxnet.LeaveRefusal(vpcId, nics.GetValueOrDefault(vxnet.Id)) is { } denied)
                {
                    return denied;
                }
            }
            var spec = DataPlaneSpec.Of(routers: [new RouterSpec(vpcId, vxnets.Value.Select(Specs.Leg).ToList())]);
            var jobId = ResourceIds.NewJobId();
            vxnets.Value.ForEach(x => x.BeginLeave(jobId, Now));
            db.Bump(vpc.Value);
            return AddJob(db, context, tenant.Value, jobId, JobAction.LeaveRouter, [.. vxNetIds, vpcId], new { router = vpcId, vxnets = vxNetIds }, spec);
        }, cancellationToken);
}
