using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    public const int MaxRouterType = 3;

    public Task<Result<Accepted>> CreateVpcsAsync(OperationContext context, string name, string? network = null, int routerType = 1, int count = 1, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, db =>
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
                new { router_name = name, vpc_network = range.ToString(), router_type = routerType, count });
        }, cancellationToken);

    public Task<Result<string>> ModifyVpcAsync(OperationContext context, string vpcId, string? name, string? description, DhcpChange? dhcp = null, CancellationToken cancellationToken = default) =>
        changes.RunAsync<string>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(name, description)) is { } refusal)
            {
                return refusal;
            }
            var vpc = await LoadOneAsync(db.Vpcs, vpcId, DomainErrors.VpcNotFound, context, cancellationToken);
            if (!vpc.Succeeded)
            {
                return vpc.Error!;
            }
            var details = new List<string> { Changed(name, description) };
            if (dhcp is not null)
            {
                var changed = await ChangeDhcpAsync(db, context, vpc.Value, dhcp, cancellationToken);
                if (!changed.Succeeded)
                {
                    return changed.Error!;
                }
                details.Add(changed.Value);
            }
            vpc.Value.Modify(name, description);
            Log(db, context, vpc.Value.Tenant, "ModifyRouterAttributes", dhcp is null ? [vpcId] : [vpcId, dhcp.VxNetId], OperationResult.Succeeded,
                string.Join("; ", details.Where(d => d.Length > 0)));
            return vpcId;
        }, cancellationToken);

    public Task<Result<Accepted>> DeleteVpcsAsync(OperationContext context, IReadOnlyList<string> vpcIds, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
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
            var joined = await db.VxNets.IgnoreQueryFilters().Where(x => x.VpcId != null && vpcIds.Contains(x.VpcId))
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
            return AddJob(db, context, tenant.Value, jobId, JobAction.DeleteRouters, vpcIds, new { routers = vpcIds });
        }, cancellationToken);

    private static string Changed(string? name, string? description) =>
        string.Join("; ", new[] { name is null ? null : $"name={name}", description is null ? null : $"description={description}" }.Where(p => p is not null));
}
