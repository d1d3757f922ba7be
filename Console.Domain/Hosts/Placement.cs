using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>A host and what it holds now: its servers that are not terminated, and their NICs.</summary>
public sealed record HostLoad(Hypervisor Host, int Servers, int Nics)
{
    /// <summary>How full it is: the larger of its servers' and its NICs' share of its capacity.</summary>
    public double Fill => Math.Max((double)Servers / Host.MaxServers, (double)Nics / Host.MaxNics);
}

/// <summary>Where a new server goes: a ready host of its zone with room for it and its NICs, the least loaded one.</summary>
public static class Placement
{
    /// <summary>What each of <paramref name="hosts"/> holds, in two grouped counts (every tenant's servers count).</summary>
    public static async Task<List<HostLoad>> LoadsAsync(ConsoleDbContext db, IReadOnlyList<Hypervisor> hosts, CancellationToken cancellationToken)
    {
        if (hosts.Count == 0)
        {
            return [];
        }
        var names = hosts.Select(h => h.Name).ToList();
        var live = db.Instances.IgnoreQueryFilters().Where(i => i.Status != InstanceStatus.Terminated).WhereIn(i => i.HostId, names);
        var servers = await live.GroupBy(i => i.HostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var nics = await db.Nics.IgnoreQueryFilters().Join(live, n => n.InstanceId, i => i.Id, (_, i) => i.HostId)
            .GroupBy(h => h).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return hosts.Select(h => new HostLoad(h, servers.GetValueOrDefault(h.Name), nics.GetValueOrDefault(h.Name))).ToList();
    }

    /// <summary>
    /// Why <paramref name="adding"/> NICs cannot go on a server of <paramref name="host"/>: its NICs would pass its
    /// capacity. One query reads the host's capacity and how many servers it runs; the NICs are counted only when those
    /// servers could hold enough (64 each) to matter, so a host far from full costs no count.
    /// </summary>
    public static async Task<DomainError?> NicRoomRefusalAsync(ConsoleDbContext db, string host, int adding, CancellationToken cancellationToken)
    {
        var facts = await db.Hosts.Where(h => h.Name == host)
            .Select(h => new { h.MaxNics, Servers = db.Instances.IgnoreQueryFilters().Count(i => i.HostId == h.Name && i.Status != InstanceStatus.Terminated) })
            .SingleAsync(cancellationToken);
        if ((long)facts.Servers * Limits.NicsPerServer + adding <= facts.MaxNics)
        {
            return null;
        }
        var nics = await NicsOnAsync(db, host, cancellationToken);
        return nics + adding > facts.MaxNics ? DomainErrors.HostFull(host, "NICs", nics, facts.MaxNics) : null;
    }

    /// <summary>The NICs on one host now.</summary>
    public static Task<int> NicsOnAsync(ConsoleDbContext db, string host, CancellationToken cancellationToken) =>
        db.Nics.IgnoreQueryFilters()
            .Join(db.Instances.IgnoreQueryFilters().Where(i => i.HostId == host && i.Status != InstanceStatus.Terminated), n => n.InstanceId, i => i.Id, (n, _) => n.Id)
            .CountAsync(cancellationToken);

    /// <summary>
    /// A host for each of <paramref name="count"/> new servers of <paramref name="nicsEach"/> NICs in <paramref name="zone"/>:
    /// <paramref name="pinned"/> when an Admin named one, else the least loaded ready host with room, counting each server
    /// placed before the next. Refused, with each host's reason, when none has room.
    /// </summary>
    public static Result<List<Hypervisor>> Choose(IReadOnlyList<HostLoad> loads, string zone, string? pinned, int count, int nicsEach)
    {
        var held = loads.ToDictionary(l => l.Host.Name, l => (l.Servers, l.Nics));
        var chosen = new List<Hypervisor>(count);
        for (var s = 0; s < count; s++)
        {
            Hypervisor host;
            if (pinned is not null)
            {
                if (loads.FirstOrDefault(l => l.Host.Name == pinned)?.Host is not { } named)
                {
                    return DomainErrors.HostNotFound(pinned);
                }
                if (named.Zone != zone)
                {
                    return DomainErrors.HostInOtherZone(named.Name, named.Zone, zone);
                }
                if (named.PlacementRefusal(held[pinned].Servers, held[pinned].Nics, nicsEach) is { } refusal)
                {
                    return refusal;
                }
                host = named;
            }
            else
            {
                var inZone = loads.Where(l => l.Host.Zone == zone).Select(l => l.Host).ToList();
                var open = inZone.Where(h => h.PlacementRefusal(held[h.Name].Servers, held[h.Name].Nics, nicsEach) is null)
                    .OrderBy(h => new HostLoad(h, held[h.Name].Servers, held[h.Name].Nics).Fill)
                    .ThenBy(h => held[h.Name].Servers)
                    .ThenBy(h => h.Name, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (open is null)
                {
                    var reasons = inZone.Count == 0
                        ? "no host is registered in it"
                        : string.Join("; ", inZone.OrderBy(h => h.Name, StringComparer.Ordinal)
                            .Select(h => h.PlacementRefusal(held[h.Name].Servers, held[h.Name].Nics, nicsEach)!.EnglishMessage));
                    return DomainErrors.NoHostAvailable(zone, reasons);
                }
                host = open;
            }
            held[host.Name] = (held[host.Name].Servers + 1, held[host.Name].Nics + nicsEach);
            chosen.Add(host);
        }
        return chosen;
    }
}
