using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Nics.NicLoading;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Nics;

public sealed class DeleteNics(UseCaseServices services) : UseCase(services)
{
    public Task<Result<IReadOnlyList<string>>> RunAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<IReadOnlyList<string>>(context, async db =>
        {
            var keys = nicIds.Select(MacAddress.KeyOf).ToList();
            if ((ZoneRefusal(context) ?? IdsRefusal(keys, "nics")) is { } refusal)
            {
                return refusal;
            }
            var nics = await LoadNicsAsync(db, context, keys, n => n.DeleteRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var vxNetIds = nics.Value.Select(n => n.VxNetId).Distinct().ToList();
            var vxnets = await db.VxNets.IgnoreQueryFilters().Where(x => vxNetIds.Contains(x.Id)).ToListAsync(cancellationToken);
            db.Nics.RemoveRange(nics.Value);
            vxnets.ForEach(x => db.Bump(x));
            Log(db, context, tenant.Value, "DeleteNics", keys, OperationResult.Succeeded, string.Join(' ', nics.Value.Select(n => $"{n.Id}={n.PrivateIp}")));
            return keys;
        }, cancellationToken);
}
