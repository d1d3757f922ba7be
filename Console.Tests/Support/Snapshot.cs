using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Support;

public static class Snapshot
{
    /// <summary>Every row of every table, as text: equal snapshots mean nothing changed.</summary>
    public static async Task<string> OfAsync(Func<ConsoleDbContext> open)
    {
        await using var db = open();
        var rows = new List<string>();
        rows.AddRange((await db.Vpcs.AsNoTracking().ToListAsync()).Select(v => $"vpc {v.Id} {v.Name} {v.Status} {v.Transition} {v.JobId}"));
        rows.AddRange((await db.VxNets.AsNoTracking().ToListAsync()).Select(x => $"vxnet {x.Id} {x.Name} {x.VpcId} {x.Subnet} {x.Gateway} {x.DynIpStart} {x.DynIpEnd} {x.Features} {x.Transition} {x.JobId}"));
        rows.AddRange((await db.Nics.AsNoTracking().ToListAsync()).Select(n => $"nic {n.Id} {n.Name} {n.VxNetId} {n.PrivateIp} {n.Status} {n.Transition} {n.InstanceId} {n.Sequence} {n.JobId}"));
        rows.AddRange((await db.Instances.AsNoTracking().ToListAsync()).Select(i => $"server {i.Id} {i.Name} {i.Status} {i.Transition} {i.JobId} {i.HostId}"));
        rows.AddRange((await db.Hosts.AsNoTracking().ToListAsync()).Select(h => $"host {h.Name} {h.Zone} {h.Underlay} {h.Online} {h.Drained} {h.TokenHash} {h.MaxServers} {h.MaxNics}"));
        rows.Add($"jobs {await db.Jobs.CountAsync()} log {await db.OperationLog.CountAsync()}");
        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }
}
