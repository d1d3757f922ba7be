using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    public const int MaxFeatures = 3;

    public Task<Result<IReadOnlyList<string>>> CreateVxNetsAsync(OperationContext context, string name, VxNetType type = VxNetType.Managed, int count = 1, CancellationToken cancellationToken = default) =>
        changes.RunAsync<IReadOnlyList<string>>(context, db =>
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

    public Task<Result<string>> ModifyVxNetAsync(OperationContext context, string vxNetId, string? name, string? description, CancellationToken cancellationToken = default) =>
        changes.RunAsync<string>(context, async db =>
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

    public Task<Result<IReadOnlyList<string>>> DeleteVxNetsAsync(OperationContext context, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default) =>
        changes.RunAsync<IReadOnlyList<string>>(context, async db =>
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

    public Task<Result<Accepted>> JoinVpcAsync(OperationContext context, JoinVpc request, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
        {
            var join = await PrepareJoinAsync(db, context, request, cancellationToken);
            if (!join.Succeeded)
            {
                return join.Error!;
            }
            var (vxnet, vpc, plan, dynStart, dynEnd) = join.Value;
            var tenant = vpc.Tenant;
            var jobId = ResourceIds.NewJobId();
            vxnet.BeginJoin(request.VpcId, plan, dynStart, dynEnd, request.Features, jobId, Now);
            db.Bump(vpc);
            return AddJob(db, context, tenant, jobId, JobAction.JoinRouter, [request.VxNetId, request.VpcId], new
            {
                vxnet = request.VxNetId,
                router = request.VpcId,
                ip_network = plan.Subnet.ToString(),
                manager_ip = plan.Gateway.ToString(),
                dyn_ip_start = dynStart.ToString(),
                dyn_ip_end = dynEnd.ToString(),
                features = request.Features,
            });
        }, cancellationToken);

    public async Task<Result<AddressPlan>> CheckJoinAsync(OperationContext context, JoinVpc request, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var join = await PrepareJoinAsync(db, context, request, cancellationToken);
        return join.Succeeded ? join.Value.Plan : join.Error!;
    }

    /// <summary>Everything a join checks, without changing anything: the VxNet, the VPC, the /24 and its gateway and DHCP range.</summary>
    private async Task<Result<(VxNet VxNet, Vpc Vpc, AddressPlan Plan, IpAddress DynStart, IpAddress DynEnd)>> PrepareJoinAsync(
        ConsoleDbContext db, OperationContext context, JoinVpc request, CancellationToken cancellationToken)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
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

    public Task<Result<Accepted>> LeaveVpcAsync(OperationContext context, string vpcId, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
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
            var jobId = ResourceIds.NewJobId();
            vxnets.Value.ForEach(x => x.BeginLeave(jobId, Now));
            db.Bump(vpc.Value);
            return AddJob(db, context, tenant.Value, jobId, JobAction.LeaveRouter, [.. vxNetIds, vpcId], new { router = vpcId, vxnets = vxNetIds });
        }, cancellationToken);

    public async Task<Result<AddressCheck>> CheckAddressAsync(OperationContext context, string vxNetId, string? privateIp, int suggestions = 5, bool primary = false, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var vxnet = await LoadOneAsync(db.VxNets.AsNoTracking(), vxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
        if (!vxnet.Succeeded)
        {
            return vxnet.Error!;
        }
        if (((primary ? vxnet.Value.PrimaryNicRefusal() : vxnet.Value.NicRefusal()) ?? (vxnet.Value.Plan is null ? DomainErrors.VxNetNotInVpc(vxNetId) : null)) is { } refusal)
        {
            return refusal;
        }
        var plan = vxnet.Value.Plan!;
        var used = await UsedAddressesAsync(db, vxNetId, cancellationToken);
        var next = plan.LowestFree(used, Math.Clamp(suggestions, 0, Limits.NicsPerVxNet));
        if (string.IsNullOrEmpty(privateIp))
        {
            return new AddressCheck(null, next);
        }
        var check = IpAddress.TryParse(privateIp, out var ip) ? plan.Refusal(ip, vxNetId, used) : DomainErrors.InvalidIp(privateIp);
        return new AddressCheck(check, next);
    }

    /// <summary>Applies new DHCP settings to a VxNet of <paramref name="vpc"/>, checked as a join's would be.</summary>
    private async Task<Result<string>> ChangeDhcpAsync(ConsoleDbContext db, OperationContext context, Vpc vpc, DhcpChange change, CancellationToken cancellationToken)
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
        var addressing = Addressing(new JoinVpc(x.Id, vpc.Id, x.Subnet!.Value.ToString(), x.Gateway!.Value.ToString(),
            change.DynIpStart ?? x.DynIpStart!.Value.ToString(), change.DynIpEnd ?? x.DynIpEnd!.Value.ToString(), features), vpc.Network);
        if (!addressing.Succeeded)
        {
            return addressing.Error!;
        }
        x.SetDhcp(addressing.Value.DynStart, addressing.Value.DynEnd, features);
        return $"{x.Id} dhcp {x.DynIpStart}-{x.DynIpEnd} features={x.Features}";
    }

    /// <summary>The subnet, gateway and DHCP range of a join request, checked against the VPC's range.</summary>
    private static Result<(AddressPlan Plan, IpAddress DynStart, IpAddress DynEnd)> Addressing(JoinVpc request, Cidr vpcRange)
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

    // Limits and addresses count every NIC of a VxNet, whoever's: vxnet-0 holds every tenant's primary NICs.
    private static async Task<HashSet<IpAddress>> UsedAddressesAsync(ConsoleDbContext db, string vxNetId, CancellationToken cancellationToken) =>
        (await db.Nics.IgnoreQueryFilters().Where(n => n.VxNetId == vxNetId).Select(n => n.PrivateIp).ToListAsync(cancellationToken)).ToHashSet();

    private static Task<Dictionary<string, int>> NicCountsAsync(ConsoleDbContext db, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken) =>
        db.Nics.IgnoreQueryFilters().Where(n => vxNetIds.Contains(n.VxNetId)).GroupBy(n => n.VxNetId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
