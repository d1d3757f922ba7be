using System.Globalization;

namespace NicConsole.Bench.NicBench;

/// <summary><c>dotnet run --project bench/NicBench -c Release -- [--quick | --nics 100000 | --small] [--ops N] [--runs N] [--changes N] [--sessions 20,100] [--hosts 10,100,1000] [--only write,query,api,console,growth,dataplane,telemetry,hosts]</c></summary>
public static class Bench
{
    private static readonly string[] All = ["write", "query", "api", "console", "growth", "dataplane", "telemetry", "hosts"];

    /// <summary>What <c>--quick</c> runs: the parts whose ratios a change to the code moves; not the growth, the data plane or telemetry's cost.</summary>
    private static readonly string[] Quick = ["write", "query", "api", "console"];

    /// <summary>The shape (100,000 NICs in 2,000 VxNets of 500 VPCs, 10,000 servers), scaled to the NIC count.</summary>
    public static BulkData.Size SizeFor(int nics)
    {
        var scale = nics / 100_000.0;
        return new BulkData.Size(nics, Math.Max(1, (int)(2_000 * scale)), Math.Max(1, (int)(500 * scale)), Math.Max(1, (int)(10_000 * scale)));
    }

    public static async Task<int> Main(string[] args)
    {
        var nics = 100_000;
        var ops = 200;
        var runs = 200;
        var parts = All;
        var changes = 50;
        int[] sessions = [20, 100];
        int[] hosts = [10, 100, 1000];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--small":
                    nics = 10_000;
                    break;
                case "--quick":
                    // Before and after a change that could cost speed: every ratio, small and short (about 3 minutes).
                    (nics, ops, runs, changes, sessions) = (10_000, 50, 50, 10, [5]);
                    parts = Quick;
                    break;
                case "--nics" when i + 1 < args.Length:
                    nics = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--ops" when i + 1 < args.Length:
                    ops = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--changes" when i + 1 < args.Length:
                    changes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--sessions" when i + 1 < args.Length:
                    sessions = [.. args[++i].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
                    break;
                case "--hosts" when i + 1 < args.Length:
                    hosts = [.. args[++i].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
                    break;
                case "--only" when i + 1 < args.Length:
                    parts = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                default:
                    Console.Error.WriteLine("usage: NicBench [--quick | --nics N | --small] [--ops N] [--runs N] [--changes N] [--sessions 20,100] [--hosts 10,100,1000] [--only write,query,api,console,growth,dataplane,telemetry,hosts]");
                    return 2;
            }
        }

        var size = SizeFor(nics);

        Console.WriteLine("# NicBench");
        Console.WriteLine();
        Console.WriteLine(Report.Machine());
        Console.WriteLine($"Data set: {size.Nics:N0} NICs, {size.VxNets:N0} VxNets, {size.Vpcs:N0} VPCs, {size.Servers:N0} servers");
        Console.WriteLine();

        var figures = new List<Figure>();
        if (parts.Contains("dataplane"))
        {
            figures.AddRange(await DataPlanePath.RunAsync(Math.Min(runs, 50)));
        }
        if (parts.All(p => p == "dataplane"))
        {
            Console.WriteLine();
            Console.WriteLine(Report.Table(figures));
            return 0;
        }

        await using var domain = new BenchDomain();
        var clock = Stopwatch.StartNew();
        await domain.MigrateAsync();
        await domain.Bulk.LoadAsync(OperationContext.System("seed", domain.Context.Zone), size);
        Console.WriteLine($"Loaded into {domain.DatabasePath} in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine();

        if (parts.Contains("growth"))
        {
            figures.AddRange(await Growth.RunAsync(domain, nics));
        }
        if (parts.Contains("write"))
        {
            figures.AddRange(await WritePath.RunAsync(domain, ops));
        }
        if (parts.Contains("query"))
        {
            figures.AddRange(await QueryPath.RunAsync(domain, runs));
        }
        if (parts.Contains("api"))
        {
            figures.AddRange(await ApiPath.RunAsync(domain));
        }
        if (parts.Contains("telemetry"))
        {
            figures.AddRange(await TelemetryCost.RunAsync(domain, ops));
        }
        if (parts.Contains("console"))
        {
            figures.AddRange(await ConsolePath.RunAsync(domain, changes, sessions));
        }
        if (parts.Contains("hosts"))
        {
            figures.AddRange(await HostsPath.RunAsync(domain, hosts));
        }

        Console.WriteLine();
        Console.WriteLine(Report.Table(figures));
        return 0;
    }
}
