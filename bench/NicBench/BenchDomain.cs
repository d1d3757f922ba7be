using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NicConsole.Domain;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Bench.NicBench;

/// <summary>The domain as the app wires it, on a fresh SQLite file in a temp folder, with no background worker.</summary>
public sealed class BenchDomain : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="settings">Configuration beyond the bench's own (the data plane part picks the Linux driver).</param>
    public BenchDomain(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"nicbench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "bench.db");
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = ConnectionString,
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["DemoData:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole())
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        services.AddConsoleDomain(configuration);
        _provider = services.BuildServiceProvider();
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public OperationContext Context => OperationContext.System("bench", _provider.GetRequiredService<IOptions<NetworkOptions>>().Value.DefaultZone);

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public JobRunner Jobs => _provider.GetRequiredService<JobRunner>();

    public BulkData Bulk => _provider.GetRequiredService<BulkData>();

    public ConsoleDbContext Db() => _provider.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();

    public Task MigrateAsync() =>
        _provider.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().MigrateAsync(CancellationToken.None);

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
