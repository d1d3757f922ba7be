using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.VxNets;

/// <summary>The checks a join makes, shared by <see cref="JoinVpc"/>, its check as the operator types, and a VPC's DHCP change.</summary>
internal static class JoinPlanning
{
    public const int MaxFeatures = 3;

    /// <summary>Everything a join checks, without changing anything: the VxNet, the VPC, the /24 and its gateway and DHCP range.</summary>
    public static async Task<Result<(VxNet VxNet, Vpc Vpc, AddressPlan Plan, IpAddress DynStart, IpAddress DynEnd)>> PrepareAsync(
        ConsoleDbContext db, OperationContext context, JoinVpc.Request request, CancellationToken cancellationToken)
    {
        var vxnet = await LoadOneAsync(db.VxNets, request.VxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
        if (!vxnet.Succeeded)
        {
            return vxnet.Error!;
        }
        var vpc = await LoadOneAsync(db.Vpcs, request.VpcId, DomainErrors.VpcNotFound, context, cancellationToken);
        if (!vpc.Succeeded)
        {
            return vpc.Error!;
        }
        if ((vxnet.Value.JoinRefusal() ?? vpc.Value.JoinRefusal() ?? TenantOf([vpc.Value, vxnet.Value]).Error) is { } denied)
        {
            return denied;
        }
        var addressing = Addressing(request, vpc.Value.Network);
        if (!addressing.Succeeded)
        {
            return addressing.Error!;
        }
        var (plan, dynStart, dynEnd) = addressing.Value;
        var siblings = await db.VxNets.IgnoreQueryFilters().Where(x => x.VpcId == request.VpcId && x.Subnet != null)
            .Select(x => new { x.Id, x.Subnet }).ToListAsync(cancellationToken);
        if (siblings.FirstOrDefault(s => s.Subnet!.Value.Overlaps(plan.Subnet)) is { } overlapping)
        {
            return DomainErrors.SubnetOverlaps(plan.Subnet, overlapping.Id);
        }
        return (vxnet.Value, vpc.Value, plan, dynStart, dynEnd);
    }

    /// <summary>The subnet, gateway and DHCP range of a join request, checked against the VPC's range.</summary>
    public static Result<(AddressPlan Plan, IpAddress DynStart, IpAddress DynEnd)> Addressing(JoinVpc.Request request, Cidr vpcRange)
    {
        if (!Cidr.TryParse(request.IpNetwork, out var subnet) || subnet.PrefixLength != 24)
        {
            return DomainErrors.InvalidSubnet(request.IpNetwork);
        }
        if (!vpcRange.Contains(subnet))
        {
            return DomainErrors.SubnetOutsideVpc(subnet, vpcRange);
        }
        var plan = AddressPlan.For(subnet);
        if (!string.IsNullOrEmpty(request.ManagerIp))
        {
            if (!IpAddress.TryParse(request.ManagerIp, out var gateway)
                || plan.RoleOf(gateway) is not (AddressRole.Assignable or AddressRole.Gateway))
            {
                return DomainErrors.InvalidGateway(request.ManagerIp, subnet);
            }
            plan = plan with { Gateway = gateway };
        }
        var dynStart = subnet.Host(2);
        var dynEnd = subnet.Host(AddressPlan.PlatformOffset);
        if ((!string.IsNullOrEmpty(request.DynIpStart) && !IpAddress.TryParse(request.DynIpStart, out dynStart))
            || (!string.IsNullOrEmpty(request.DynIpEnd) && !IpAddress.TryParse(request.DynIpEnd, out dynEnd))
            || !subnet.Contains(dynStart) || !subnet.Contains(dynEnd) || dynStart.CompareTo(dynEnd) > 0)
        {
            return DomainErrors.InvalidDhcpRange(request.DynIpStart ?? dynStart.ToString(), request.DynIpEnd ?? dynEnd.ToString(), subnet);
        }
        if (request.Features is < 0 or > MaxFeatures)
        {
            return DomainErrors.InvalidFeatures(request.Features);
        }
        return (plan, dynStart, dynEnd);
    }
}
