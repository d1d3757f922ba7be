using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// How cost grows with the table: the same measurements at 1,000, 10,000 and 100,000 NICs (each size its own freshly
/// loaded file, up to the bench's size). The NIC page filtered by VxNet and status by IP, the whole zone's first page
/// (newest first, with its total), and request-NIC's automatic address in an empty VxNet and in one with 251 of its
/// 252 addresses taken (each request deleted again, untimed, so every one allocates in the same state).
/// </summary>
public static class Growth
{
    private const int Runs = 100;
    private const int WarmUp = 20;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain main, int mainNics)
    {
        var rows = new List<(int Nics, Costs Costs)>();
        foreach (var nics in new[] { 1_000, 10_000, 100_000 }.Where(n => n <= mainNics))
        {
            if (nics == mainNics)
            {
                rows.Add((nics, await MeasureAsync(main, 0)));
                continue;
            }
            await using var domain = new BenchDomain();
            await domain.MigrateAsync();
            await domain.Bulk.LoadAsync(OperationContext.System("seed", domain.Context.Zone), Bench.SizeFor(nics));
            if (rows.Count == 0)
            {
                // The first size also pays for JIT and first-use caches: measure it twice and keep the second.
                await MeasureAsync(domain, 2);
            }
            rows.Add((nics, await MeasureAsync(domain, 0)));
        }
        Console.WriteLine($"Growth: p50 over {Runs} runs after {WarmUp} warm-up, each size loaded fresh.");
        Console.WriteLine();
        Console.WriteLine("| NICs | page by VxNet+status, by IP | zone's first page, newest first | request-NIC, empty VxNet | request-NIC, VxNet 251/252 full |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var (nics, c) in rows)
        {
            Console.WriteLine($"| {nics:N0} | {c.ByVxNet:0.00} ms | {c.Zone:0.00} ms | {c.EmptyVxNet:0.00} ms | {c.FullVxNet:0.00} ms |");
        }
        Console.WriteLine();
        if (rows.Count < 2)
        {
            return [];
        }
        var (smallest, first) = rows[0];
        var (largest, last) = rows[^1];
        var growth = $"{largest / smallest}x NICs";
        return
        [
            new Figure($"growth: page by VxNet, {largest:N0} vs {smallest:N0} NICs", last.ByVxNet, first.ByVxNet, "ms", false, null) { FloorLabel = $"{smallest:N0} NICs" },
            new Figure($"growth: zone's first page, {largest:N0} vs {smallest:N0} NICs", last.Zone, first.Zone, "ms", false, null) { FloorLabel = $"{smallest:N0} NICs" },
            new Figure($"growth: request-NIC empty VxNet, {largest:N0} vs {smallest:N0}", last.EmptyVxNet, first.EmptyVxNet, "ms", false, null) { FloorLabel = $"{smallest:N0} NICs" },
            new Figure($"growth: request-NIC 251/252 VxNet, {largest:N0} vs {smallest:N0}", last.FullVxNet, first.FullVxNet, "ms", false, null) { FloorLabel = $"{smallest:N0} NICs" },
        ];
    }

    private sealed record Costs(double ByVxNet, double Zone, double EmptyVxNet, double FullVxNet);

    private static async Task<Costs> MeasureAsync(BenchDomain domain, int round)
    {
        var service = domain;
        var context = domain.Context;
        List<string> vxnets;
        string vpc;
        await using (var db = domain.Db())
        {
            vxnets = await db.VxNets.Where(x => x.Name.StartsWith("bulk-vxnet-")).OrderBy(x => x.Name).Select(x => x.Id).ToListAsync();
            vpc = await db.Vpcs.Where(v => v.Name == "bulk-vpc-0").Select(v => v.Id).SingleAsync();
        }
        var byVxNet = await P50Async(i => Ok(service.Get<NicQueries>().QueryAsync(context,
            new NicQuery { VxNetIds = [vxnets[i * 7 % vxnets.Count]], Statuses = [NicStatus.InUse], Page = new PageRequest(0, 50, "private_ip") })));
        var zone = await P50Async(_ => Ok(service.Get<NicQueries>().QueryAsync(context, new NicQuery { Page = new PageRequest(0, 50) })));

        // bulk-vpc-0 is 172.16.0.0/16 and the bulk load uses its first /24s only (at most 4 a VPC).
        var empty = await JoinedVxNetAsync(domain, vpc, "growth-empty", $"172.16.{200 + round}.0/24");
        var full = await JoinedVxNetAsync(domain, vpc, "growth-full", $"172.16.{201 + round}.0/24");
        Ok(await service.Get<RequestNics>().RunAsync(context, new RequestNics.Request(full, "growth-fill", Limits.NicsPerVxNet - 1)));
        async Task RequestAndDelete(string vxnet, Stopwatch timed)
        {
            timed.Start();
            var nic = Ok(await service.Get<RequestNics>().RunAsync(context, new RequestNics.Request(vxnet, "growth")))[0];
            timed.Stop();
            Ok(await service.Get<DeleteNics>().RunAsync(context, [nic.NicId]));
        }
        var inEmpty = await P50Async(_ => RequestAndDelete(empty, new Stopwatch()), timedInside: t => RequestAndDelete(empty, t));
        var inFull = await P50Async(_ => RequestAndDelete(full, new Stopwatch()), timedInside: t => RequestAndDelete(full, t));
        return new Costs(byVxNet, zone, inEmpty, inFull);
    }

    private static async Task<string> JoinedVxNetAsync(BenchDomain domain, string vpc, string name, string subnet)
    {
        var id = Ok(await domain.Get<CreateVxNets>().RunAsync(domain.Context, name))[0];
        Ok(await domain.Get<JoinVpc>().RunAsync(domain.Context, new JoinVpc.Request(id, vpc, subnet)));
        await domain.Jobs.RunAllPendingAsync();
        return id;
    }

    /// <summary>p50 of <see cref="Runs"/> calls after <see cref="WarmUp"/>; timed whole, or by the stopwatch the call is given.</summary>
    private static async Task<double> P50Async(Func<int, Task> call, Func<Stopwatch, Task>? timedInside = null)
    {
        var samples = new List<double>(Runs);
        for (var i = -WarmUp; i < Runs; i++)
        {
            double ms;
            if (timedInside is null)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i + WarmUp);
                ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            else
            {
                var timed = new Stopwatch();
                await timedInside(timed);
                ms = timed.Elapsed.TotalMilliseconds;
            }
            if (i >= 0)
            {
                samples.Add(ms);
            }
        }
        return Report.Percentile(samples, 50);
    }

    /// <summary>The value of a call that must succeed in a bench run.</summary>
    internal static T Ok<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"bench operation refused: {result.Error}");

    private static async Task Ok<T>(Task<Result<T>> call) => Ok(await call);
}
