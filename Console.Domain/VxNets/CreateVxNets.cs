using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.VxNets;

public sealed class CreateVxNets(UseCaseServices services) : UseCase(services)
{
    public Task<Result<IReadOnlyList<string>>> RunAsync(OperationContext context, string name, VxNetType type = VxNetType.Managed, int count = 1, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<IReadOnlyList<string>>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(name) ?? RequestCount.Refusal(count, Limits.MaxVxNetsPerRequest)) is { } refusal)
            {
                return refusal;
            }
            if (type is not (VxNetType.Managed or VxNetType.SelfManaged))
            {
                return DomainErrors.InvalidValue("vxnet_type", ((int)type).ToString(CultureInfo.InvariantCulture));
            }
            var vni = await NextVniAsync(db, cancellationToken);
            if (vni + count - 1 > VxNet.MaxVni)
            {
                return DomainErrors.VniSpaceUsed(VxNet.MaxVni);
            }
            var vxnets = Enumerable.Range(0, count).Select(i => new VxNet(name, type, context.Zone, context.User, context.Tenant, vni + i, Now)).ToList();
            db.VxNets.AddRange(vxnets);
            var ids = vxnets.Select(v => v.Id).ToList();
            Log(db, context, context.Tenant, "CreateVxnets", ids, OperationResult.Succeeded, $"name={name}");
            return ids;
        }, cancellationToken);

    /// <summary>The VNI after the highest given (a racing creation meets the unique index, and its use case runs again).</summary>
    public static async Task<int> NextVniAsync(ConsoleDbContext db, CancellationToken cancellationToken) =>
        Math.Max(VxNet.FirstVni, (await db.VxNets.IgnoreQueryFilters().MaxAsync(x => (int?)x.Vni, cancellationToken) ?? 0) + 1);
}
