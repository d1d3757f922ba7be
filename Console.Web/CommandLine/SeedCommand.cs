using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Seeding;

namespace NicConsole.Web.CommandLine;

/// <summary>
/// <c>seed [--nics N] [--vxnets N] [--vpcs N] [--servers N]</c>: adds a large valid data set (by default
/// 100,000 NICs in 2,000 VxNets of 500 VPCs, 10,000 servers) for scale checks, then exits.
/// </summary>
public static class SeedCommand
{
    public static bool Handles(string[] args) => args is ["seed", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, int> { ["--nics"] = 100_000, ["--vxnets"] = 2_000, ["--vpcs"] = 500, ["--servers"] = 10_000 };
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!options.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value))
            {
                await error.WriteLineAsync("usage: seed [--nics N] [--vxnets N] [--vpcs N] [--servers N]");
                return 2;
            }
            options[args[i]] = value;
        }
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.MigrateAsync(CancellationToken.None);
        var zone = services.GetRequiredService<IOptions<NetworkOptions>>().Value.DefaultZone;
        var size = new BulkData.Size(options["--nics"], options["--vxnets"], options["--vpcs"], options["--servers"]);
        var clock = Stopwatch.StartNew();
        try
        {
            await services.GetRequiredService<BulkData>().LoadAsync(OperationContext.System("seed", zone), size, new ProgressLines(output));
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
        await output.WriteLineAsync($"added {size.Nics} NICs, {size.VxNets} VxNets, {size.Vpcs} VPCs, {size.Servers} servers in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private sealed class ProgressLines(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
