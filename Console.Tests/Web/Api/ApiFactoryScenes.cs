using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Web.Api;

/// <summary>Resources made through the use cases of a running app, and a wait for its job worker to finish them.</summary>
public static class ApiFactoryScenes
{
    public static ConsoleDbContext Db(this ApiFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();

    /// <summary>Waits until the job worker has no pending or working job left, so a snapshot taken next stays still.</summary>
    public static async Task IdleAsync(this ApiFactory factory, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            await using (var db = factory.Db())
            {
                if (!await db.Jobs.AnyAsync(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the job worker did not finish its jobs");
            }
            await Task.Delay(25);
        }
    }

    /// <summary>One tenant's usual resources (see <see cref="TenantResources"/>), each made by an Operator of the tenant, every job done.</summary>
    public static async Task<TenantResources> BuildTenantAsync(this ApiFactory factory, string tenant)
    {
        var s = factory;
        var op = new OperationContext($"operator-{tenant}", "pek3a", Role.Operator, tenant);
        var vpc = (await s.Get<CreateVpcs>().RunAsync(op, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        var vxnets = (await s.Get<CreateVxNets>().RunAsync(op, "net", count: 2)).Ok();
        await factory.IdleAsync();
        (await s.Get<JoinVpc>().RunAsync(op, new JoinVpc.Request(vxnets[0], vpc, "172.16.1.0/24"))).Ok();
        var server = (await s.Get<RunInstances>().RunAsync(op, new RunInstances.Request("host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await factory.IdleAsync();
        var nics = (await s.Get<RequestNics>().RunAsync(op, new RequestNics.Request(vxnets[0], "nic", 2))).Ok();
        var job = (await s.Get<AttachNics>().RunAsync(op, [nics[1].NicId], server)).Ok().JobId;
        await factory.IdleAsync();
        await using var db = factory.Db();
        var primary = await db.Nics.Where(n => n.InstanceId == server && n.Sequence == 0).Select(n => n.Id).SingleAsync();
        (await db.Nics.SingleAsync(n => n.Id == nics[1].NicId)).Status.ShouldBe(NicStatus.InUse);
        return new TenantResources(tenant, vpc, vxnets[0], vxnets[1], server, primary, nics[0].NicId, nics[1].NicId, job);
    }

    /// <summary>Every row of one tenant, as text: equal snapshots mean nothing of that tenant changed.</summary>
    public static Task<string> TenantSnapshotAsync(this ApiFactory factory, string tenant) => TenantScene.SnapshotAsync(factory.Db, tenant);
}
