using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Vpcs;

/// <summary>Renames a VPC and, when a DHCP change is given, changes one of its VxNets' DHCP settings: both or neither.</summary>
public sealed class ModifyVpc(UseCaseServices services) : UseCase(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string vpcId, string? name, string? description, DhcpChange? dhcp = null, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<string>(context, async db =>
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

    /// <summary>Applies new DHCP settings to a VxNet of <paramref name="vpc"/>, checked as a join's would be.</summary>
    private static async Task<Result<string>> ChangeDhcpAsync(ConsoleDbContext db, OperationContext context, Vpc vpc, DhcpChange change, CancellationToken cancellationToken)
    {
        var vxnet = await LoadOneAsync(db.VxNets, change.VxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
        if (!vxnet.Succeeded)
        {
            return vxnet.Error!;
        }
        var x = vxnet.Value;
        if ((x.LeaveRefusal(vpc.Id, 0) ?? TenantOf([vpc, x]).Error) is { } denied)
        {
            return denied;
        }
        var features = change.Features ?? x.Features;
        var addressing = JoinPlanning.Addressing(new JoinVpc.Request(x.Id, vpc.Id, x.Subnet!.Value.ToString(), x.Gateway!.Value.ToString(),
            change.DynIpStart ?? x.DynIpStart!.Value.ToString(), change.DynIpEnd ?? x.DynIpEnd!.Value.ToString(), features), vpc.Network);
        if (!addressing.Succeeded)
        {
            return addressing.Error!;
        }
        x.SetDhcp(addressing.Value.DynStart, addressing.Value.DynEnd, features);
        return $"{x.Id} dhcp {x.DynIpStart}-{x.DynIpEnd} features={x.Features}";
    }
}
