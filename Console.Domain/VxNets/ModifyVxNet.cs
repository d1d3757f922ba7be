using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.VxNets;

public sealed class ModifyVxNet(UseCaseServices services) : UseCase(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string vxNetId, string? name, string? description, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<string>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(name, description)) is { } refusal)
            {
                return refusal;
            }
            var vxnet = await LoadOneAsync(db.VxNets, vxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
            if (!vxnet.Succeeded)
            {
                return vxnet.Error!;
            }
            if (vxnet.Value.ModifyRefusal() is { } denied)
            {
                return denied;
            }
            vxnet.Value.Modify(name, description);
            Log(db, context, vxnet.Value.Tenant, "ModifyVxnetAttributes", [vxNetId], OperationResult.Succeeded, Changed(name, description));
            return vxNetId;
        }, cancellationToken);
}
