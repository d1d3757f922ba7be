using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;
using NicConsole.Domain.Seeding;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence;

/// <summary>At start: applies migrations, makes sure vxnet-0 and a host exist, and fills an empty database with the demo.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ConsoleDbContext> factory,
    DemoData demo,
    IOptions<NetworkOptions> network,
    IOptions<DemoDataOptions> demoOptions,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        if (demoOptions.Value.Enabled)
        {
            await demo.SeedIfEmptyAsync(cancellationToken);
        }
    }

    /// <summary>Brings the schema up to date and makes sure vxnet-0 exists; nothing else.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            CreateDataFolder(db.Database.GetConnectionString());
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(OptimizeSqlite, cancellationToken);
        }
        if (!await db.VxNets.AnyAsync(x => x.Id == ResourceIds.BasicVxNet, cancellationToken))
        {
            var subnet = Cidr.Parse(network.Value.BasicNetwork);
            db.VxNets.Add(VxNet.Basic(subnet, network.Value.DefaultZone, time.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Created the basic network {VxNet} as {Subnet}", ResourceIds.BasicVxNet, subnet);
            }
            catch (DbUpdateException)
            {
                // A node starting at the same moment may have created it first; anything else is a real failure.
                if (!await BasicNetworkExistsAsync(cancellationToken))
                {
                    throw;
                }
            }
        }
        await EnsureHostAsync(cancellationToken);
    }

    /// <summary>
    /// An install with no host gets <see cref="Hypervisor.DefaultName"/> in its default zone, run by the console's own
    /// agent, so a one-host install works with nothing else started. A database that had servers before hosts existed
    /// got it from its migration, with those servers on it.
    /// </summary>
    private async Task EnsureHostAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Hosts.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Hosts.Add(Hypervisor.Local(network.Value.DefaultZone, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Registered host {Host} in {Zone}, run by the console itself", Hypervisor.DefaultName, network.Value.DefaultZone);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment registered it first.
            await using var again = await factory.CreateDbContextAsync(cancellationToken);
            if (!await again.Hosts.AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> BasicNetworkExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.VxNets.AnyAsync(x => x.Id == ResourceIds.BasicVxNet, cancellationToken);
    }

    /// <summary>
    /// Refreshes SQLite's planner statistics where tables grew or shrank a lot since the last run (as SQLite advises at
    /// start), so a query picks the index that is selective for it, not one that merely names more columns.
    /// </summary>
    public const string OptimizeSqlite = "PRAGMA optimize=0x10002;";

    /// <summary>Statistics of every table from a sample of each index, after a bulk load.</summary>
    public const string AnalyzeSqlite = "PRAGMA analysis_limit=1000; ANALYZE;";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void CreateDataFolder(string? connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
