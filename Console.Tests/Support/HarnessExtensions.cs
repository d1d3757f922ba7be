using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Support;

/// <summary>Builds the usual scene through the same use cases an operator would, and reads it back.</summary>
public static class HarnessExtensions
{
    public static T Ok<T>(this Result<T> result) =>
        result.Succeeded ? result.Value : throw new ShouldAssertException($"Expected success, got {result.Error}");

    public static DomainError Refused<T>(this Result<T> result, RetCode code)
    {
        result.Succeeded.ShouldBeFalse($"Expected a refusal with {code}");
        result.Error!.Code.ShouldBe(code, result.Error.ToString());
        return result.Error;
    }

    public static async Task<string> CreateVpcAsync(this DomainHarness h, string range = "172.16.0.0/16")
    {
        var accepted = (await h.Get<CreateVpcs>().RunAsync(h.Context, "vpc", range)).Ok();
        await h.Jobs.RunAllPendingAsync();
        return accepted.ResourceIds[0];
    }

    /// <summary>A VxNet joined to a VPC (a new one unless given) with <paramref name="subnet"/>.</summary>
    public static async Task<string> CreateJoinedVxNetAsync(this DomainHarness h, string subnet = "172.16.1.0/24", string? vpcId = null)
    {
        vpcId ??= await h.CreateVpcAsync();
        var vxnet = (await h.Get<CreateVxNets>().RunAsync(h.Context, "net")).Ok()[0];
        (await h.Get<JoinVpc>().RunAsync(h.Context, new JoinVpc.Request(vxnet, vpcId, subnet))).Ok();
        await h.Jobs.RunAllPendingAsync();
        return vxnet;
    }

    /// <summary>A running server with its primary NIC in vxnet-0.</summary>
    public static async Task<string> RunServerAsync(this DomainHarness h, string name = "hosta", string vxNetId = ResourceIds.BasicVxNet)
    {
        var accepted = (await h.Get<RunInstances>().RunAsync(h.Context, new RunInstances.Request(name, [new NetworkChoice(vxNetId)]))).Ok();
        await h.Jobs.RunAllPendingAsync();
        return accepted.ResourceIds[0];
    }

    public static async Task DrainAsync(this DomainHarness h, string host, bool drained = true) =>
        (await h.Get<NicConsole.Domain.Hosts.DrainHost>().RunAsync(h.Context, host, drained)).Ok();

    /// <summary>What the host status worker writes when an agent is heard (or no longer): the change every node hears.</summary>
    public static Task SetHostOnlineAsync(this DomainHarness h, string host, bool online) =>
        h.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NicConsole.Domain.Hosts.HostStatusWorker>().Single()
            .SetAsync(host, online, CancellationToken.None);

    public static async Task<IReadOnlyList<string>> RequestNicsAsync(this DomainHarness h, string vxNetId, int count = 1, params string[] ips) =>
        (await h.Get<RequestNics>().RunAsync(h.Context, new RequestNics.Request(vxNetId, "nic", count, ips))).Ok().Select(n => n.NicId).ToList();

    public static async Task AttachAsync(this DomainHarness h, string instanceId, params string[] nicIds)
    {
        (await h.Get<AttachNics>().RunAsync(h.Context, nicIds, instanceId)).Ok();
        await h.Jobs.RunAllPendingAsync();
    }

    public static async Task<Nic> NicAsync(this DomainHarness h, string nicId)
    {
        await using var db = h.Db();
        return await db.Nics.AsNoTracking().SingleAsync(n => n.Id == nicId);
    }

    public static async Task<Job> JobAsync(this DomainHarness h, string jobId)
    {
        await using var db = h.Db();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    public static Task<string> SnapshotAsync(this DomainHarness h) => Snapshot.OfAsync(h.Db);
}
