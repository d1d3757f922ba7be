using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.VxNets;

public sealed class DeleteVxNets(UseCaseServices services) : UseCase(services)
{
    public Task<Result<IReadOnlyList<string>>> RunAsync(OperationContext context, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<IReadOnlyList<string>>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? IdsRefusal(vxNetIds, "vxnets")) is { } refusal)
            {
                return refusal;
            }
            var vxnets = await LoadAsync(db.VxNets, vxNetIds, DomainErrors.VxNetNotFound, context, cancellationToken);
            if (!vxnets.Succeeded)
            {
                return vxnets.Error!;
            }
            var tenant = TenantOf(vxnets.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var nics = await NicCountsAsync(db, vxNetIds, cancellationToken);
            foreach (var vxnet in vxnets.Value)
            {
                if (vxnet.DeleteRefusal(nics.GetValueOrDefault(vxnet.Id)) is { } denied)
                {
                    return denied;
                }
            }
            db.VxNets.RemoveRange(vxnets.Value);
            Log(db, context, tenant.Value, "DeleteVxnets", vxNetIds, OperationResult.Succeeded, "");
            return Result<IReadOnlyList<string>>.Success(vxNetIds);
        }, cancellationToken);
}
