using System.Diagnostics;
using NicConsole.Web.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// What telemetry costs, in one run: the write path (request, attach, detach through the use cases) and DescribeNics
/// over HTTP, each with telemetry off and on, in rounds ordered off-on, on-off, off-on, on-off, so that neither side
/// always meets the larger data set (every round adds NICs) or the warmer process.
/// "On" is what an operator turns on: every meter and source of the console, a Prometheus scrape endpoint (the API
/// host) or a metric reader collecting every 15 s (the write path), and every span sampled and batched to an
/// exporter. The exporter here counts what it is given instead of sending it, so OTLP's serialization and network are
/// not in the figure; that work runs off the request path, on the batch processor's thread.
/// </summary>
public static class TelemetryCost
{
    private const int Rounds = 4;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain, int ops)
    {
        var figures = new List<Figure>();
        figures.AddRange(await WriteAsync(domain, ops));
        figures.Add(await ApiAsync(domain));
        return figures;
    }

    /// <summary>Blocks of operations, off and on in turn (off-on, on-off, …): the machine's drift falls on both sides alike.</summary>
    private const int Blocks = 16;

    private static async Task<IReadOnlyList<Figure>> WriteAsync(BenchDomain domain, int ops)
    {
        var (vxnets, servers) = await WritePath.TargetsAsync(domain);
        var block = Math.Max(10, ops / (Blocks / 2));
        var off = new List<WritePath.Rates>();
        var on = new List<WritePath.Rates>();
        var spans = new Counting<Activity>();
        var points = new Counting<Metric>();
        var cpu = new[] { TimeSpan.Zero, TimeSpan.Zero };
        async Task<WritePath.Rates> Timed(int side)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var rates = await WritePath.OursAsync(domain, vxnets, servers, block);
            cpu[side] += Process.GetCurrentProcess().TotalProcessorTime - before;
            return rates;
        }
        async Task On()
        {
            using (Sdk.CreateMeterProviderBuilder().AddConsoleInstruments()
                .AddReader(new PeriodicExportingMetricReader(points, exportIntervalMilliseconds: 15_000)).Build())
            using (Sdk.CreateTracerProviderBuilder().AddConsoleSources().AddProcessor(new BatchActivityExportProcessor(spans)).Build())
            {
                on.Add(await Timed(1));
            }
        }
        async Task Off() => off.Add(await Timed(0));
        for (var pair = 0; pair < Blocks / 2; pair++)
        {
            await (pair % 2 == 0 ? Off() : On());
            await (pair % 2 == 0 ? On() : Off());
        }
        Console.WriteLine($"Telemetry, write path: {Blocks / 2} blocks of {block} operations of each kind off and as many on, in turn; "
            + $"on exported {spans.Count:N0} spans and {points.Count:N0} metric streams.");
        if (spans.Count == 0 || points.Count == 0)
        {
            throw new InvalidOperationException("telemetry was on but nothing was exported: the figure would measure nothing");
        }
        // The rate over all blocks of a side: operations over the time they took.
        static double Rate(IEnumerable<double> rates, int block) => rates.Count() * block / rates.Sum(r => block / r);
        // The process's CPU time per operation, each block's whole work (its warm-up and settling jobs too, alike on both
        // sides): less at the mercy of the disk's commits than the wall clock.
        var operations = Blocks / 2 * 3 * (block + WritePath.WarmUp);
        Console.WriteLine($"  CPU per operation: {cpu[0].TotalMilliseconds / operations:0.000} ms off, {cpu[1].TotalMilliseconds / operations:0.000} ms on");
        return
        [
            Cost("write path CPU per operation with telemetry", cpu[1].TotalMilliseconds / operations, cpu[0].TotalMilliseconds / operations, "ms", higherIsBetter: false),
            Cost("request-NIC with telemetry", Rate(on.Select(r => r.Request), block), Rate(off.Select(r => r.Request), block), "ops/s"),
            Cost("attach NIC with telemetry", Rate(on.Select(r => r.Attach), block), Rate(off.Select(r => r.Attach), block), "ops/s"),
            Cost("detach NIC with telemetry", Rate(on.Select(r => r.Detach), block), Rate(off.Select(r => r.Detach), block), "ops/s"),
        ];
    }

    private static async Task<Figure> ApiAsync(BenchDomain domain)
    {
        var vxnets = await ApiPath.PrepareAsync(domain);
        var spans = new Counting<Activity>();
        var telemetry = new Dictionary<string, string> { ["Telemetry:Prometheus"] = "true" };
        await using var quiet = await ApiHost.StartAsync(domain, vxnets, "bench-off");
        await using var watched = await ApiHost.StartAsync(domain, vxnets, "bench-on", telemetry,
            services => services.AddOpenTelemetry().WithTracing(t => t.AddConsoleSources().AddProcessor(new BatchActivityExportProcessor(spans))));
        var off = new List<double>();
        var on = new List<double>();
        // One load each first, not counted: the first host to serve would otherwise pay for the JIT of both.
        await ApiPath.LoadAsync(quiet.Http, quiet.Describe);
        await ApiPath.LoadAsync(watched.Http, watched.Describe);
        async Task Off() => off.Add((await ApiPath.LoadAsync(quiet.Http, quiet.Describe)).Rate);
        async Task On() => on.Add((await ApiPath.LoadAsync(watched.Http, watched.Describe)).Rate);
        for (var round = 0; round < Rounds; round++)
        {
            await (round % 2 == 0 ? Off() : On());
            await (round % 2 == 0 ? On() : Off());
        }
        var scrape = await watched.Http.GetStringAsync(TelemetryServiceExtensions.MetricsPath);
        var series = scrape.Split('\n').Count(l => l.StartsWith("nicconsole_api_calls_total{", StringComparison.Ordinal));
        Console.WriteLine("  DescribeNics req/s by round, off | on: " + string.Join(" | ", off.Zip(on, (a, b) => $"{a:0} {b:0}")));
        Console.WriteLine($"Telemetry, API: DescribeNics off and on, {Rounds} rounds each, {ApiPath.Clients} clients; on exported {spans.Count:N0} spans, "
            + $"and /metrics shows {series} nicconsole_api_calls_total series ({scrape.Length:N0} bytes).");
        if (spans.Count == 0 || series == 0)
        {
            throw new InvalidOperationException("telemetry was on but nothing was exported: the figure would measure nothing");
        }
        return Cost("DescribeNics with telemetry", on.Average(), off.Average(), "req/s");
    }

    /// <summary>Telemetry on against off: the target is a cost of at most 5 %.</summary>
    private static Figure Cost(string name, double on, double off, string unit, bool higherIsBetter = true) =>
        new(name, on, off, unit, higherIsBetter, 1.05) { FloorLabel = "telemetry off" };

    /// <summary>An exporter that counts what it is handed and sends nothing.</summary>
    private sealed class Counting<T> : BaseExporter<T> where T : class
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override ExportResult Export(in Batch<T> batch)
        {
            Interlocked.Add(ref _count, batch.Count);
            return ExportResult.Success;
        }
    }
}
