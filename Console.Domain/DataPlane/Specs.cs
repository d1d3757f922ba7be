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
    public static RouterLeg Leg(VxNet vxnet) => new(vxnet.Id, vxnet.Gateway!.Value.ToString(), vxnet.Subnet!.Value.PrefixLength);
}
