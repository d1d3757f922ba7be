using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.DataProtection;
using NicConsole.Domain;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Api;

namespace NicConsole.Tests.Support;

/// <summary>
/// The domain as the app wires it, on a real SQLite file, with no background worker: a test runs jobs when
/// it wants them run. <see cref="InitializeAsync"/> migrates and creates vxnet-0.
/// </summary>
public sealed class DomainHarness : IAsyncDisposable
{
    public const string Zone = "pek3a";

    private readonly TempDatabase _database = new();
    private readonly ServiceProvider _provider;

    /// <param name="time">The clock the domain reads (a fake one moves time in a test); the system clock when none.</param>
    /// <param name="configure">Services registered before the domain's own, which then stand (e.g. a fake <see cref="IGuestProbe"/>).</param>
    public DomainHarness(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = _database.ConnectionString,
            ["Network:Zones:0"] = Zone,
            ["Network:Zones:1"] = "sh1a",
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["DemoData:Enabled"] = "false",
            // No agent runs here: a job for a server on another host settles without waiting for one (tests that run agents say so).
            ["Hosts:WaitForAgents"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // What a host gives its services (the harness is none): the application's lifetime, which the workers watch.
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        configure?.Invoke(services);
        services.AddConsoleDomain(configuration);
        services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        _provider = services.BuildServiceProvider();
    }

    public OperationContext Context { get; } = OperationContext.System("tester", Zone);

    /// <summary>A use case, a query class or any other service of the domain, as the console resolves it.</summary>
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public JobRunner Jobs => _provider.GetRequiredService<JobRunner>();

    public SimulatedDataPlane DataPlane => _provider.GetRequiredService<SimulatedDataPlane>();

    public IServiceProvider Services => _provider;

    public string DatabasePath => _database.Path;

    public static async Task<DomainHarness> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new DomainHarness(settings, time, configure);
        await harness.InitializeAsync();
        return harness;
    }

    public async Task InitializeAsync()
    {
        var initializer = _provider.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.StartAsync(CancellationToken.None);
    }

    /// <summary>A user as Identity would store one, without a password: enough for keys and contexts in domain tests.</summary>
    public async Task<NicConsole.Domain.Users.ConsoleUser> AddUserAsync(string name, Role role = Role.Admin, string tenant = OperationContext.DefaultTenant)
    {
        var user = new NicConsole.Domain.Users.ConsoleUser(name, role, tenant)
        {
            NormalizedUserName = name.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        await using var db = Db();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public ConsoleDbContext Db() => _provider.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _database.Dispose();
    }
}
