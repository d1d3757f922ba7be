using System.Globalization;

namespace NicConsole.Bench.NicBench;

/// <summary><c>dotnet run --project bench/NicBench -c Release -- [--nics 100000 | --small] [--ops N] [--runs N]</c></summary>
public static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var nics = 100_000;
        var ops = 200;
        var runs = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--small":
                    nics = 10_000;
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
                default:
                    Console.Error.WriteLine("usage: NicBench [--nics N | --small] [--ops N] [--runs N]");
                    return 2;
            }
        }

        // The shape (100,000 NICs in 2,000 VxNets of 500 VPCs, 10,000 servers), scaled to the NIC count.
        var scale = nics / 100_000.0;
        var size = new BulkData.Size(nics, Math.Max(1, (int)(2_000 * scale)), Math.Max(1, (int)(500 * scale)), Math.Max(1, (int)(10_000 * scale)));

        Console.WriteLine("# NicBench");
        Console.WriteLine();
        Console.WriteLine(Report.Machine());
        Console.WriteLine($"Data set: {size.Nics:N0} NICs, {size.VxNets:N0} VxNets, {size.Vpcs:N0} VPCs, {size.Servers:N0} servers");
        Console.WriteLine();

        await using var domain = new BenchDomain();
        var clock = Stopwatch.StartNew();
        await domain.MigrateAsync();
        await domain.Bulk.LoadAsync(OperationContext.System("seed", domain.Context.Zone), size);
        Console.WriteLine($"Loaded into {domain.DatabasePath} in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine();

        var figures = new List<Figure>();
        figures.AddRange(await WritePath.RunAsync(domain, ops));
        figures.AddRange(await QueryPath.RunAsync(domain, runs));
        figures.AddRange(await ApiPath.RunAsync(domain));

        Console.WriteLine();
        Console.WriteLine(Report.Table(figures));
        return 0;
    }
}
