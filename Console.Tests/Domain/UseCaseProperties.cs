using CsCheck;
using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain;

/// <summary>
/// Random sequences of request, attach, detach, delete, modify and start/stop, with jobs run at random points:
/// whatever is accepted or refused, the rules hold after every step.
/// </summary>
public class UseCaseProperties
{
    private static readonly string[] Subnets = ["172.16.1.0/24", "172.16.2.0/24"];

    private static readonly Gen<Op[]> Operations =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[1, 40], (kind, a, b, c) => new Op(kind, a, b, c)).Array[5, 40];

    [Fact]
    public async Task RandomOperationSequencesNeverBreakTheRules() =>
        await Operations.SampleAsync(RunAsync, iter: 12, threads: 1, print: ops => string.Join(" ", ops.Select(o => o.ToString())));

    private static async Task RunAsync(Op[] operations)
    {
        await using var h = await DomainHarness.StartAsync();
        var vpc = await h.CreateVpcAsync();
        var vxnets = new List<string>();
        foreach (var subnet in Subnets)
        {
            vxnets.Add(await h.CreateJoinedVxNetAsync(subnet, vpc));
        }
        var servers = (await h.Get<RunInstances>().RunAsync(h.Context, new RunInstances.Request("s", [new NetworkChoice(ResourceIds.BasicVxNet)], Count: 3))).Ok().ResourceIds;
        await h.Jobs.RunAllPendingAsync();
        foreach (var op in operations)
        {
            await ApplyAsync(h, op, vxnets, servers);
            await CheckRulesAsync(h);
        }
        await h.Jobs.RunAllPendingAsync();
        await CheckRulesAsync(h);
    }

    private static async Task ApplyAsync(DomainHarness h, Op op, IReadOnlyList<string> vxnets, IReadOnlyList<string> servers)
    {
        var s = h;
        var c = h.Context;
        var vxnet = vxnets[op.A % vxnets.Count];
        var server = servers[op.B % servers.Count];
        var subnet = Cidr.Parse(Subnets[op.A % vxnets.Count]);
        var nics = await AllNicIdsAsync(h);
        var some = nics.Count == 0 ? [] : Enumerable.Range(0, op.C % 8 + 1).Select(i => nics[(op.A + i * 7) % nics.Count]).Distinct().ToList();
        switch (op.Kind)
        {
            case 0:
                await s.Get<RequestNics>().RunAsync(c, new RequestNics.Request(vxnet, "p", op.B % 3 == 0 ? 1 : op.C, op.B % 3 == 0 ? [subnet.Host(Octet(op.C * 7)).ToString()] : null));
                break;
            case 1:
                await s.Get<AttachNics>().RunAsync(c, some, server);
                break;
            case 2:
                await s.Get<DetachNics>().RunAsync(c, some);
                break;
            case 3:
                await s.Get<DeleteNics>().RunAsync(c, some);
                break;
            case 4 when nics.Count > 0:
                await s.Get<ModifyNic>().RunAsync(c, new ModifyNic.Request(nics[op.A % nics.Count], PrivateIp: subnet.Host(Octet(op.B)).ToString(), VxNetId: op.C % 2 == 0 ? vxnet : null));
                break;
            case 5:
                await h.Jobs.RunAllPendingAsync();
                break;
            case 6:
                await (op.C % 2 == 0 ? s.Get<StopInstances>().RunAsync(c, [server]) : s.Get<StartInstances>().RunAsync(c, [server]));
                break;
            case 7:
                var available = (await s.Get<NicQueries>().QueryAsync(c, new NicQuery { Statuses = [NicStatus.Available], Page = new(Limit: 100) })).Ok().Items;
                await s.Get<AttachNics>().RunAsync(c, available.Take(op.C).Select(n => n.Id).ToList(), server);
                break;
            case 8:
                await s.Get<RequestNics>().RunAsync(c, new RequestNics.Request(vxnet, "bulk", op.C * 6));
                break;
        }
    }

    /// <summary>Mostly the edges of a /24 (.0, .1, .2, .253, .254, .255), else any host.</summary>
    private static int Octet(int seed) => (seed % 10) switch
    {
        < 6 and var edge => new[] { 0, 1, 2, 253, 254, 255 }[edge],
        _ => seed % 256,
    };

    private static async Task<List<string>> AllNicIdsAsync(DomainHarness h)
    {
        await using var db = h.Db();
        return await db.Nics.OrderBy(n => n.CreateTime).ThenBy(n => n.Id).Select(n => n.Id).ToListAsync();
    }

    private static async Task CheckRulesAsync(DomainHarness h)
    {
        await using var db = h.Db();
        var nics = await db.Nics.AsNoTracking().ToListAsync();
        var subnets = (await db.VxNets.AsNoTracking().ToListAsync()).ToDictionary(x => x.Id, x => x.Subnet!.Value.ToString());

        foreach (var vxnet in nics.GroupBy(n => n.VxNetId))
        {
            vxnet.Count().ShouldBeLessThanOrEqualTo(Limits.NicsPerVxNet);
            vxnet.Select(n => n.PrivateIp).Distinct().Count().ShouldBe(vxnet.Count(), $"duplicate IP in {vxnet.Key}");
            // Every VxNet here has its gateway at .1: only .2 to .253 of its own /24 may be given out.
            var prefix = subnets[vxnet.Key][..subnets[vxnet.Key].LastIndexOf('.')];
            vxnet.ShouldAllBe(n => n.PrivateIp.ToString().StartsWith(prefix + ".") && n.PrivateIp.LastOctet >= 2 && n.PrivateIp.LastOctet <= 253);
        }
        foreach (var server in nics.Where(n => n.InstanceId != null).GroupBy(n => n.InstanceId))
        {
            server.Count().ShouldBeLessThanOrEqualTo(Limits.NicsPerServer);
            server.Select(n => n.Sequence).Distinct().Count().ShouldBe(server.Count(), $"sequence used twice on {server.Key}");
            server.ShouldAllBe(n => n.IsPrimary ? n.Sequence == 0 : n.Sequence >= 1 && n.Sequence <= Limits.MaxSequence);
        }
        nics.ShouldAllBe(n => (n.InstanceId == null) == (n.Sequence == null));
        nics.ShouldAllBe(n => n.Status == NicStatus.InUse || n.Transition == Transition.Attaching ? n.InstanceId != null : n.InstanceId == null);
    }

    public sealed record Op(int Kind, int A, int B, int C);
}
