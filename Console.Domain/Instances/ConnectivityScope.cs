using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Instances;

/// <summary>
/// Reads a server's <see cref="ConnectivityTargets"/> on a context scoped to the caller; null when there is no such
/// server. A server on another host than <paramref name="localHost"/> (this console's own) gets its refusal.
/// </summary>
internal static class ConnectivityScope
{
    public static async Task<ConnectivityTargets?> ReadAsync(ConsoleDbContext db, OperationContext context, string instanceId, string localHost,
        CancellationToken cancellationToken)
    {
        var server = await db.Instances.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == instanceId && i.Zone == context.Zone && i.Status != InstanceStatus.Terminated, cancellationToken);
        if (server is null)
        {
            return null;
        }
        var vxNetIds = await db.Nics.Where(n => n.InstanceId == instanceId).Select(n => n.VxNetId).Distinct().ToListAsync(cancellationToken);
        var vxNets = await db.VxNets.AsNoTracking().WhereIn(x => x.Id, vxNetIds).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        var vpcIds = vxNets.Where(x => x.VpcId is not null).Select(x => x.VpcId!).Distinct().ToList();
        var vpcs = await db.Vpcs.AsNoTracking().WhereIn(v => v.Id, vpcIds).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var peers = await (
            from n in db.Nics
            where n.InstanceId != null && n.InstanceId != instanceId && n.Status == NicStatus.InUse
            join x in db.VxNets on n.VxNetId equals x.Id
            where x.VpcId != null && vpcIds.Contains(x.VpcId)
            join i in db.Instances on n.InstanceId equals i.Id
            orderby i.Name, n.Sequence
            select new { n.Id, n.PrivateIp, Server = i.Name, Vxnet = x.Name }).ToListAsync(cancellationToken);
        var networks = vxNets.Where(x => x.Subnet is not null).Select(x => x.Subnet!.Value).Concat(vpcs.Select(v => v.Network)).Distinct().ToList();
        var gateways = vxNets.Where(x => x.Gateway is not null)
            .Select(x => new ConnectivityTarget(ConnectivityTargetKind.Gateway, x.Gateway!.Value.ToString(), x.Id, x.Name)).ToList();
        var nics = peers.Select(p => new ConnectivityTarget(ConnectivityTargetKind.Nic, p.PrivateIp.ToString(), p.Id, $"{p.Server} · {p.Vxnet}")).ToList();
        return new ConnectivityTargets(instanceId, server.Status, networks, gateways, nics)
        {
            HostRefusal = server.HostId == localHost ? null : ConnectivityRules.HostRefusal(instanceId, server.HostId, context.IsAdmin),
        };
    }
}
