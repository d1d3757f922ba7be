using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;
using NicConsole.Tests.Support;
using NicConsole.Web.Changes;

namespace NicConsole.Bench.LiveLatency;

/// <summary>
/// Latency of a live update: from the commit of a change on node A to its arrival in a store (one circuit's) on
/// node A itself (in-process) and on node B (through Redis). Two whole apps in this process share one SQLite file
/// and a redis-server of their own. Prints percentiles; asserts nothing. Argument: how many changes (200).
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var changes = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200;
        const int warmup = 20;

        var work = Directory.CreateTempSubdirectory("nicconsole-bench-");
        await using var redis = await RedisServer.StartAsync();
        var channel = "nicconsole-bench:" + Guid.NewGuid().ToString("N");
        var database = Path.Combine(work.FullName, "bench.db");
        var a = new BenchNode("bench-a", database, redis.ConnectionString, channel);
        var b = new BenchNode("bench-b", database, redis.ConnectionString, channel);
        foreach (var node in new[] { a, b })
        {
            var feed = (RedisChangeFeed)node.Services.GetRequiredService<IChangeFeed>();
            await feed.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var commits = new List<long>();
        using var committed = a.Services.GetRequiredService<IChangeFeed>().Subscribe(_ =>
        {
            lock (commits)
            {
                commits.Add(Stopwatch.GetTimestamp());
            }
        });
        using var onA = await StoreProbe.OpenAsync(a.Services);
        using var onB = await StoreProbe.OpenAsync(b.Services);

        var network = a.Services;
        var context = OperationContext.System("bench", "pek3a");
        var vxnet = (await network.GetRequiredService<CreateVxNets>().RunAsync(context, "bench")).Value[0];
        await UntilAsync(() => onA.Count == 1 && onB.Count == 1);

        var local = new List<double>();
        var remote = new List<double>();
        for (var i = 1; i <= warmup + changes; i++)
        {
            var result = await network.GetRequiredService<ModifyVxNet>().RunAsync(context, vxnet, $"bench-{i}", null);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"change {i} was refused: {result.Error}");
            }
            await UntilAsync(() => onA.Count > i && onB.Count > i);
            if (i > warmup)
            {
                long commit;
                lock (commits)
                {
                    commit = commits[i];
                }
                local.Add(Stopwatch.GetElapsedTime(commit, onA[i]).TotalMilliseconds);
                remote.Add(Stopwatch.GetElapsedTime(commit, onB[i]).TotalMilliseconds);
            }
        }

        Console.WriteLine($"Live update latency, commit on node A -> ResourcesChangedAction in a store, {changes} changes (after {warmup} warm-up):");
        Print("in-process (node A's store)", local);
        Print("across nodes (node B's store, via Redis)", remote);

        onA.Dispose();
        onB.Dispose();
        await b.DisposeAsync();
        await a.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
        return 0;
    }

    private static void Print(string what, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine($"  {what,-42} p50 {At(0.50),7:0.00} ms   p95 {At(0.95),7:0.00} ms   max {sorted[^1],7:0.00} ms");
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(deadline) > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("a change did not arrive within 10 s");
            }
            await Task.Delay(1);
        }
    }
}
