using NicConsole.Domain.DataPlane;
using System.Globalization;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Vpcs;

public sealed class CreateVpcs(UseCaseServices services) : UseCase(services)
{
    public const int MaxRouterType = 3;

    public Task<Result<Accepted>> RunAsync(OperationContext context, string name, string? network = null, int routerType = 1, int count = 1, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, db =>
        {
            var range = Vpc.DefaultRange;
            if ((ZoneRefusal(context) ?? Names.Check(name) ?? RequestCount.Refusal(count, Limits.MaxVpcsPerRequest)) is { } refusal)
            {
                return refusal;
            }
            if (!string.IsNullOrEmpty(network) && (!Cidr.TryParse(network, out range) || !Vpc.IsAllowedRange(range)))
            {
                return DomainErrors.VpcRangeNotAllowed(network);
            }
            if (routerType is < 0 or > MaxRouterType)
            {
                return DomainErrors.InvalidValue("router_type", routerType.ToString(CultureInfo.InvariantCulture));
            }
            var jobId = ResourceIds.NewJobId();
            var vpcs = Enumerable.Range(0, count).Select(_ => new Vpc(name, range, routerType, context.Zone, context.User, context.Tenant, jobId, Now)).ToList();
            db.Vpcs.AddRange(vpcs);
            var ids = vpcs.Select(v => v.Id).ToList();
            return AddJob(db, context, context.Tenant, jobId, JobAction.CreateRouters, ids,
                new { router_name = name, vpc_network = range.ToString(), router_type = routerType, count },
                DataPlaneSpec.Of(routers: ids.Select(id => new RouterSpec(id, []))));
        }, cancellationToken);
}
