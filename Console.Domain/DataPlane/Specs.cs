using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.DataPlane;

/// <summary>Builds the data plane's facts from the domain's rows, for a job when it is accepted and for the reconciler.</summary>
internal static class Specs
{
    /// <summary>
    /// Each placed NIC (on a server, with its sequence) with its VxNet's prefix and gateway; <paramref name="running"/>
    /// says, by server id, whether the server's links should be up.
    /// </summary>
    public static async Task<List<NicSpec>> NicsAsync(ConsoleDbContext db, IEnumerable<Nic> nics, Func<string, bool> running, CancellationToken cancellationToken)
    {
        var placed = nics.Where(n => n is { InstanceId: not null, Sequence: not null }).ToList();
        var vxNetIds = placed.Select(n => n.VxNetId).Distinct().ToList();
        var vxnets = await db.VxNets.IgnoreQueryFilters().WhereIn(x => x.Id, vxNetIds).ToDictionaryAsync(x => x.Id, cancellationToken);
        return Nics(placed, vxnets, running);
    }

    public static List<NicSpec> Nics(IEnumerable<Nic> nics, IReadOnlyDictionary<string, VxNet> vxnets, Func<string, bool> running) =>
        nics.Where(n => n is { InstanceId: not null, Sequence: not null } && vxnets.GetValueOrDefault(n.VxNetId)?.Subnet is not null)
            .Select(n => Nic(n, vxnets[n.VxNetId], running(n.InstanceId!)))
            .ToList();

    public static NicSpec Nic(Nic nic, VxNet vxnet, bool running) =>
        new(nic.Id, nic.VxNetId, nic.InstanceId!, nic.Sequence!.Value, nic.PrivateIp.ToString(), vxnet.Subnet!.Value.PrefixLength, vxnet.Gateway?.ToString(), running);

    /// <summary>The router leg of a VxNet with a subnet in a VPC: its gateway on its bridge.</summary>
    public static RouterLeg Leg(VxNet vxnet) => new(vxnet.Id, vxnet.Gateway!.Value.ToString(), vxnet.Subnet!.Value.PrefixLength, vxnet.Vni);

    /// <summary>
    /// Every router: one per live VPC with a leg on each VxNet joined to it, and the basic network's (vxnet-0's gateway).
    /// <paramref name="vxnets"/> are the VxNets with a subnet.
    /// </summary>
    public static List<RouterSpec> Routers(IEnumerable<string> liveVpcs, IReadOnlyDictionary<string, VxNet> vxnets)
    {
        var legs = vxnets.Values.Where(x => x.VpcId is not null).ToLookup(x => x.VpcId!);
        return liveVpcs.Select(v => new RouterSpec(v, legs[v].OrderBy(x => x.Id, StringComparer.Ordinal).Select(Leg).ToList()))
            .Concat(vxnets.TryGetValue(Common.ResourceIds.BasicVxNet, out var basic) && basic.Gateway is not null
                ? [new RouterSpec(RouterSpec.BasicId, [Leg(basic)])]
                : [])
            .ToList();
    }
}
