using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Seeding;

/// <summary>
/// The demo an empty database starts with, made through the same use cases an operator uses: VPC
/// 172.16.0.0/16, a VxNet joined with 172.16.1.0/24, and server hosta with eth0 10.120.7.40 in vxnet-0.
/// </summary>
public sealed class DemoData(
    CreateVpcs createVpcs,
    CreateVxNets createVxNets,
    JoinVpc joinVpc,
    RunInstances runInstances,
    JobRunner jobs,
    IDbContextFactory<ConsoleDbContext> factory,
    IOptions<NetworkOptions> network,
    TimeProvider time,
    ILogger<DemoData> logger)
{
    public const string User = "demo";

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Vpcs.AnyAsync(cancellationToken) || await db.Instances.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        // Nodes starting together on one empty database: one of them fills it.
        if (!await StartClaim.TryTakeAsync(factory, StartClaim.Demo, jobs.Node, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            logger.LogInformation("Another node fills the empty database with the demo");
            return;
        }
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch
        {
            await StartClaim.ReleaseAsync(factory, StartClaim.Demo, CancellationToken.None);
            throw;
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var context = OperationContext.System(User, network.Value.DefaultZone);
        var vpc = Expect(await createVpcs.RunAsync(context, "demo-vpc", "172.16.0.0/16", cancellationToken: cancellationToken));
        var vxnet = Expect(await createVxNets.RunAsync(context, "demo-vxnet", cancellationToken: cancellationToken))[0];
        await jobs.RunAllPendingAsync(cancellationToken);
        // Another node's job worker may have taken the VPC's job: the join waits for it to settle, wherever it runs.
        await SettledAsync(vpc.JobId, cancellationToken);
        Expect(await joinVpc.RunAsync(context, new JoinVpc.Request(vxnet, vpc.ResourceIds[0], "172.16.1.0/24"), cancellationToken));
        var basic = Cidr.Parse(network.Value.BasicNetwork);
        Expect(await runInstances.RunAsync(context,
            new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, basic.Host(40).ToString())], ImageId: "centos7x64", InstanceType: "s1.small.r1"),
            cancellationToken));
        await jobs.RunAllPendingAsync(cancellationToken);
        logger.LogInformation("Filled the empty database with the demo: {Vpc}, {VxNet}, hosta", vpc.ResourceIds[0], vxnet);
    }

    private async Task SettledAsync(string jobId, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                if (await db.Jobs.AnyAsync(j => j.Id == jobId && j.Status != JobStatus.Pending && j.Status != JobStatus.Working, cancellationToken))
                {
                    return;
                }
            }
            if (time.GetUtcNow() > until)
            {
                throw new InvalidOperationException($"The demo data's job {jobId} did not settle within 2 minutes");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    private static T Expect<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"The demo data was refused: {result.Error}");
}
