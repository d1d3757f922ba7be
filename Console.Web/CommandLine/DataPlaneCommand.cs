using Microsoft.Extensions.Options;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Web.CommandLine;

/// <summary>
/// <c>dataplane status</c> (driver, probe, what exists, drift), <c>dataplane reconcile</c> (one pass, each change
/// printed) and <c>dataplane purge</c> (every namespace with the prefix deleted). A pass and a purge change the kernel,
/// so they refuse while a console drives the same prefix on this machine (<see cref="DataPlaneLock"/>).
/// </summary>
public static class DataPlaneCommand
{
    public const string Usage = "usage: dataplane status | dataplane reconcile | dataplane purge";

    public static bool Handles(string[] args) => args is ["dataplane", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var dataPlane = services.GetRequiredService<IDataPlane>();
        var prefix = services.GetRequiredService<IOptions<DataPlaneOptions>>().Value.Prefix;
        var inventory = dataPlane as IDataPlaneInventory;
        if (args is not (["dataplane", "status"] or ["dataplane", "reconcile"] or ["dataplane", "purge"]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!dataPlane.IsReal || inventory is null)
        {
            await output.WriteLineAsync($"driver: {dataPlane.Driver} (a simulation: nothing is created in the kernel, so there is nothing to list, reconcile or purge)");
            return 0;
        }
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.MigrateAsync(CancellationToken.None);
        if (args[1] == "status")
        {
            return await StatusAsync(services, dataPlane, inventory, prefix, output);
        }
        using var held = DataPlaneLock.TryTake(prefix, out var holder);
        if (held is null)
        {
            await error.WriteLineAsync($"refused: {holder}; stop it first (a running console reconciles by itself).");
            return 1;
        }
        if (args[1] == "purge")
        {
            var commands = await inventory.PurgeAsync(CancellationToken.None);
            foreach (var command in commands)
            {
                await output.WriteLineAsync(command);
            }
            await output.WriteLineAsync($"{commands.Count} namespaces deleted");
            return 0;
        }
        var report = await services.GetRequiredService<Reconciler>().RunAsync(apply: true, CancellationToken.None);
        foreach (var change in report.Changes)
        {
            await output.WriteLineAsync(change);
        }
        foreach (var failure in report.Errors)
        {
            await error.WriteLineAsync("error: " + failure);
        }
        await output.WriteLineAsync($"{report.Changes.Count} changes, {report.Errors.Count} errors");
        return report.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, IDataPlane dataPlane, IDataPlaneInventory inventory, string prefix, TextWriter output)
    {
        var now = await inventory.ListAsync(CancellationToken.None);
        var drift = await services.GetRequiredService<Reconciler>().RunAsync(apply: false, CancellationToken.None);
        await output.WriteLineAsync($"driver: {dataPlane.Driver}, prefix {prefix}");
        await output.WriteLineAsync($"probe: {inventory.Probe}");
        await output.WriteLineAsync($"namespaces ({now.Namespaces.Count}): {string.Join(' ', now.Namespaces)}");
        await output.WriteLineAsync($"bridges ({now.Bridges.Count}): {string.Join(' ', now.Bridges)}");
        await output.WriteLineAsync($"NICs ({now.NicLinks.Count})");
        await output.WriteLineAsync($"drift: {drift.Changes.Count} changes would bring the kernel to the database; servers differing: {drift.DriftedServers.Count}");
        foreach (var change in drift.Changes)
        {
            await output.WriteLineAsync("  " + change);
        }
        return 0;
    }
}
