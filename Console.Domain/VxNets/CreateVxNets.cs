using System.Globalization;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.VxNets;

public sealed class CreateVxNets(UseCaseServices services) : UseCase(services)
{
    public Task<Result<IReadOnlyList<string>>> RunAsync(OperationContext context, string name, VxNetType type = VxNetType.Managed, int count = 1, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<IReadOnlyList<string>>(context, db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(name) ?? RequestCount.Refusal(count, Limits.MaxVxNetsPerRequest)) is { } refusal)
            {
                return refusal;
            }
            if (type is not (VxNetType.Managed or VxNetType.SelfManaged))
            {
                return DomainErrors.InvalidValue("vxnet_type", ((int)type).ToString(CultureInfo.InvariantCulture));
            }
            var vxnets = Enumerable.Range(0, count).Select(_ => new VxNet(name, type, context.Zone, context.User, context.Tenant, Now)).ToList();
            db.VxNets.AddRange(vxnets);
            var ids = vxnets.Select(v => v.Id).ToList();
            Log(db, context, context.Tenant, "CreateVxnets", ids, OperationResult.Succeeded, $"name={name}");
            return ids;
        }, cancellationToken);
}
