using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Support;

/// <summary>Callers of given roles and tenants, and a tenant's usual resources made through the use cases.</summary>
public static class TenantScene
{
    public static OperationContext As(string tenant, Role role) =>
        new($"{role.ToString().ToLowerInvariant()}-{tenant}", DomainHarness.Zone, role, tenant);

    public static async Task<TenantResources> BuildAsync(DomainHarness h, string tenant)
    {
        var op = As(tenant, Role.Operator);
        var vpc = (await h.Get<CreateVpcs>().RunAsync(op, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        var vxnets = (await h.Get<CreateVxNets>().RunAsync(op, "net", count: 2)).Ok();
        await h.Jobs.RunAllPendingAsync();
        (await h.Get<JoinVpc>().RunAsync(op, new JoinVpc.Request(vxnets[0], vpc, "172.16.1.0/24"))).Ok();
        var server = (await h.Get<RunInstances>().RunAsync(op, new RunInstances.Request("host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await h.Jobs.RunAllPendingAsync();
        var nics = (await h.Get<RequestNics>().RunAsync(op, new RequestNics.Request(vxnets[0], "nic", 2))).Ok();
        var job = (await h.Get<AttachNics>().RunAsync(op, [nics[1].NicId], server)).Ok().JobId;
        await h.Jobs.RunAllPendingAsync();
        await using var db = h.Db();
        var primary = await db.Nics.Where(n => n.InstanceId == server && n.Sequence == 0).Select(n => n.Id).SingleAsync();
        return new TenantResources(tenant, vpc, vxnets[0], vxnets[1], server, primary, nics[0].NicId, nics[1].NicId, job);
    }

    /// <summary>Every row of one tenant, as text: equal snapshots mean nothing of that tenant changed.</summary>
    public static Task<string> SnapshotAsync(DomainHarness h, string tenant) => SnapshotAsync(h.Db, tenant);

    /// <summary>Every row of one tenant, as text, read through a context <paramref name="open"/> gives (unscoped).</summary>
    public static async Task<string> SnapshotAsync(Func<ConsoleDbContext> open, string tenant)
    {
        await using var db = open();
        var rows = new List<string>();
        rows.AddRange((await db.Vpcs.AsNoTracking().Where(v => v.Tenant == tenant).ToListAsync()).Select(v => $"vpc {v.Id} {v.Name} {v.Description} {v.Status} {v.Transition} {v.JobId}"));
        rows.AddRange((await db.VxNets.AsNoTracking().Where(x => x.Tenant == tenant).ToListAsync()).Select(x => $"vxnet {x.Id} {x.Name} {x.Description} {x.VpcId} {x.Subnet} {x.DynIpStart} {x.DynIpEnd} {x.Features} {x.Transition} {x.JobId}"));
        rows.AddRange((await db.Nics.AsNoTracking().Where(n => n.Tenant == tenant).ToListAsync()).Select(n => $"nic {n.Id} {n.Name} {n.Description} {n.VxNetId} {n.PrivateIp} {n.Status} {n.Transition} {n.InstanceId} {n.Sequence} {n.JobId}"));
        rows.AddRange((await db.Instances.AsNoTracking().Where(i => i.Tenant == tenant).ToListAsync()).Select(i => $"server {i.Id} {i.Name} {i.Description} {i.Status} {i.Transition} {i.JobId}"));
        rows.AddRange((await db.Jobs.AsNoTracking().Where(j => j.Tenant == tenant).ToListAsync()).Select(j => $"job {j.Id} {j.Status} {j.Attempts}"));
        rows.Add($"log {await db.OperationLog.CountAsync(o => o.Tenant == tenant)}");
        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }
}
