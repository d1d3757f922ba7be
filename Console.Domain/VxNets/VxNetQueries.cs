using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.VxNets;

public sealed class VxNetQueries(UseCaseServices services) : Reads(services), IListQueries<VxNetQuery, VxNetView>
{
    private static readonly Sorting<VxNetView> VxNetSorting = new Sorting<VxNetView>(v => v.Id, v => v.CreateTime)
        .By("name", v => v.Name).By("vpc", v => v.VpcName).By("subnet", v => v.Subnet)
        .By("nics", v => v.NicCount).By("create_time", v => v.CreateTime);

    public Task<Result<Page<VxNetView>>> QueryAsync(OperationContext context, VxNetQuery query, CancellationToken cancellationToken = default) =>
        PageAsync(context, query.Page, VxNetSorting, db => VxNetsOf(db, context, query), cancellationToken);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<VxNetView>> Export(OperationContext context, VxNetQuery query) =>
        Export(context, query.Page, VxNetSorting, db => VxNetsOf(db, context, query).Views);

    /// <summary>The vxnets <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<VxNetView> Views, IQueryable<object> Matches) VxNetsOf(ConsoleDbContext db, OperationContext context, VxNetQuery query)
    {
        var vxnets = db.VxNets.Where(x => x.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            vxnets = vxnets.WhereIn(x => x.Id, query.Ids);
        }
        if (query.Types.Count > 0)
        {
            vxnets = vxnets.WhereIn(x => x.Type, query.Types);
        }
        if (query.VpcIds.Count > 0)
        {
            vxnets = vxnets.WhereIn(x => x.VpcId!, query.VpcIds);
        }
        if (query.OnlyInVpc)
        {
            vxnets = vxnets.Where(x => x.VpcId != null);
        }
        if (query.OnlyAcceptingNics)
        {
            vxnets = vxnets.Where(x => x.VpcId != null && x.Type == VxNetType.Managed && x.Transition == Transition.None
                && db.Nics.Count(n => n.VxNetId == x.Id) < Limits.NicsPerVxNet);
        }
        if (!string.IsNullOrEmpty(query.SearchWord))
        {
            var pattern = Text.Containing(query.SearchWord);
            vxnets = vxnets.Where(x => EF.Functions.Like(x.Id, pattern, Text.LikeEscape) || EF.Functions.Like(x.Name, pattern, Text.LikeEscape));
        }
        var views =
            from x in vxnets
            join v in db.Vpcs on x.VpcId equals v.Id into joined
            from v in joined.DefaultIfEmpty()
            select new VxNetView
            {
                Id = x.Id, Name = x.Name, Description = x.Description, Type = x.Type, VpcId = x.VpcId,
                VpcName = v == null ? null : v.Name, Subnet = x.Subnet, Gateway = x.Gateway, DynIpStart = x.DynIpStart,
                DynIpEnd = x.DynIpEnd, Features = x.Features, NicCount = db.Nics.Count(n => n.VxNetId == x.Id),
                Transition = x.Transition, JobId = x.JobId, Zone = x.Zone, Owner = x.Owner, CreateTime = x.CreateTime,
                StatusTime = x.StatusTime, JoinTime = x.JoinTime,
            };
        return (views, vxnets);
    }

    /// <summary>
    /// The 256 addresses of a VxNet's /24, each reserved, used (by which NIC, on which server) or free. In vxnet-0 an
    /// address another tenant's NIC holds shows as used without naming the NIC or its server (<see cref="AddressHolder.IsOtherTenant"/>).
    /// </summary>
    public async Task<Result<AddressMap>> AddressMapAsync(OperationContext context, string vxNetId, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var vxnet = await LoadOneAsync(db.VxNets.AsNoTracking(), vxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
        if (!vxnet.Succeeded)
        {
            return vxnet.Error!;
        }
        if (vxnet.Value.Plan is not { } plan)
        {
            return new AddressMap(vxNetId, null, [], vxnet.Value.NicRefusal());
        }
        // Every address in use shows as used; another tenant's NIC (in the shared vxnet-0) without naming it or its server.
        var holders = await (
            from n in db.Nics.IgnoreQueryFilters()
            where n.VxNetId == vxNetId
            join i in db.Instances.IgnoreQueryFilters() on n.InstanceId equals i.Id into attached
            from i in attached.DefaultIfEmpty()
            select new { n.PrivateIp, n.Tenant, Holder = new AddressHolder(n.Id, n.Name, n.Status, n.Transition, n.InstanceId, i == null ? null : i.Name, n.Sequence) })
            .ToDictionaryAsync(h => h.PrivateIp, h => db.Tenant is null || h.Tenant == db.Tenant ? h.Holder : AddressHolder.OtherTenant(h.Holder.Status), cancellationToken);
        var cells = Enumerable.Range(0, 256).Select(plan.Subnet.Host)
            .Select(ip => new AddressCell(ip, plan.RoleOf(ip), holders.GetValueOrDefault(ip))).ToList();
        return new AddressMap(vxNetId, plan, cells, vxnet.Value.NicRefusal());
    }

    /// <summary>
    /// Checks an address an operator is typing for a new NIC (none: just the suggestions), under the allocation rules;
    /// <paramref name="primary"/>: for a new server's eth0, which may also be in the basic network.
    /// </summary>
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

    /// <summary>Checks a join as the operator types it, changing nothing: the plan it would get, or why not.</summary>
    public async Task<Result<AddressPlan>> CheckJoinAsync(OperationContext context, JoinVpc.Request request, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var join = await JoinPlanning.PrepareAsync(db, context, request, cancellationToken);
        return join.Succeeded ? join.Value.Plan : join.Error!;
    }
}
