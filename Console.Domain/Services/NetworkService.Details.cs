using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    /// <summary>The most log entries one NIC's timeline reads; beyond it the earliest are left out.</summary>
    public const int MaxTimelineEntries = 500;

    public async Task<Result<NicTimeline>> GetNicTimelineAsync(OperationContext context, string nicId, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var nic = await LoadOneAsync(db.Nics.AsNoTracking(), NicKey(nicId), DomainErrors.NicNotFound, context, cancellationToken);
        if (!nic.Succeeded)
        {
            return nic.Error!;
        }
        var (id, since) = (nic.Value.Id, nic.Value.CreateTime);
        // Driven by the resource index (a seek on the NIC's id). A MAC is unique only while its NIC lives, so
        // entries older than this NIC belong to an earlier one.
        var newest = await (
            from r in db.OperationLogResources
            where r.ResourceId == id
            join o in db.OperationLog on r.OperationId equals o.Id
            where o.Time >= since
            orderby o.Time descending, o.Id descending
            select o).AsNoTracking().Take(MaxTimelineEntries + 1).ToListAsync(cancellationToken);
        var log = newest.Take(MaxTimelineEntries).Where(o => o.Zone == context.Zone).Reverse().ToList();
        return new NicTimeline(id, NicHistory.Of(id, log), newest.Count > MaxTimelineEntries);
    }

    public async Task<Result<AddressMap>> GetAddressMapAsync(OperationContext context, string vxNetId, CancellationToken cancellationToken = default)
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
}
