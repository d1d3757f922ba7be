using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.VxNets;

/// <summary>The addresses new and moved NICs get in a VxNet, and what a VxNet already holds.</summary>
internal static class Allocation
{
    public static Result<IReadOnlyList<IpAddress>> ParseAddresses(IReadOnlyList<string> texts)
    {
        var addresses = new List<IpAddress>(texts.Count);
        foreach (var text in texts)
        {
            if (!IpAddress.TryParse(text, out var ip))
            {
                return DomainErrors.InvalidIp(text);
            }
            if (addresses.Contains(ip))
            {
                return DomainErrors.IpRepeated(ip);
            }
            addresses.Add(ip);
        }
        return addresses;
    }

    /// <summary>
    /// The addresses for <paramref name="count"/> new NICs in a VxNet: the given ones if each is assignable and
    /// free, else the lowest free ones. Refused whole when the VxNet would pass 252 NICs.
    /// </summary>
    public static Result<IReadOnlyList<IpAddress>> Allocate(VxNet vxnet, HashSet<IpAddress> used, IReadOnlyList<IpAddress> given, int count)
    {
        if (used.Count + count > Limits.NicsPerVxNet)
        {
            return DomainErrors.VxNetFull(vxnet.Id, used.Count, count);
        }
        var plan = vxnet.Plan ?? throw new DomainException($"VxNet {vxnet.Id} has no address plan.");
        if (given.Count == 0)
        {
            var free = plan.LowestFree(used, count);
            used.UnionWith(free);
            return Result<IReadOnlyList<IpAddress>>.Success(free);
        }
        foreach (var ip in given)
        {
            if (plan.Refusal(ip, vxnet.Id, used) is { } refusal)
            {
                return refusal;
            }
        }
        used.UnionWith(given);
        return Result<IReadOnlyList<IpAddress>>.Success(given);
    }

    // Limits and addresses count every NIC of a VxNet, whoever's: vxnet-0 holds every tenant's primary NICs.
    public static async Task<HashSet<IpAddress>> UsedAddressesAsync(ConsoleDbContext db, string vxNetId, CancellationToken cancellationToken) =>
        (await db.Nics.IgnoreQueryFilters().Where(n => n.VxNetId == vxNetId).Select(n => n.PrivateIp).ToListAsync(cancellationToken)).ToHashSet();

    public static Task<Dictionary<string, int>> NicCountsAsync(ConsoleDbContext db, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken) =>
        db.Nics.IgnoreQueryFilters().WhereIn(n => n.VxNetId, vxNetIds).GroupBy(n => n.VxNetId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
