using Bunit;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Support;

/// <summary>bUnit with the console's real store and the domain on a SQLite file: pages render what the use cases return.</summary>
public abstract class ConsoleTestContext : MudTestContext
{
    protected ConsoleTestContext()
        : this(null)
    {
    }

    /// <param name="time">The clock of the domain and of the pages (a fake one moves time in a test); the system clock when none.</param>
    /// <param name="probe">What looks inside servers (a fake one in a test); the simulated data plane's when none.</param>
    protected ConsoleTestContext(TimeProvider? time, NicConsole.Domain.DataPlane.IGuestProbe? probe = null)
    {
        // A wait ends as soon as its assertion holds; the ceiling only matters on a machine busy with browser tests.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Harness = new DomainHarness(time: time, configure: probe is null ? null : s => s.AddSingleton(probe));
        Harness.InitializeAsync().GetAwaiter().GetResult();
        Harness.AddUserAsync(CurrentOperator.DefaultUser).GetAwaiter().GetResult();
        foreach (var type in NicConsole.Domain.DomainServiceExtensions.UseCasesAndQueries)
        {
            Services.AddSingleton(type, Harness.Services.GetRequiredService(type));
        }
        Services.AddSingleton(Harness.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(Harness.Services.GetRequiredService<StuckJobPolicy>());
        Services.AddSingleton(Harness.Services.GetRequiredService<IChangeFeed>());
        Services.AddSingleton(Harness.Services.GetRequiredService<AccessKeyService>());
        Services.AddSingleton(Harness.Services.GetRequiredService<NicConsole.Domain.Operations.AuditLog>());
        Services.AddSingleton(Harness.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>());
        Services.AddSingleton(Harness.Services.GetRequiredService<NicConsole.Domain.DataPlane.IGuestProbe>());
        Services.AddSingleton(Harness.Services.GetRequiredService<NicConsole.Domain.DataPlane.DataPlaneMonitor>());
        Services.AddConsoleUsers();
        // The console's default operator is a Viewer of no tenant until someone signs in; these tests work as an Admin.
        Services.AddSingleton(new CurrentOperator(Microsoft.Extensions.Options.Options.Create(new NicConsole.Domain.Options.NetworkOptions { Zones = [DomainHarness.Zone] }))
        {
            Role = Role.Admin,
            Tenant = OperationContext.DefaultTenant,
        });
        // The harness's meters: the jobs it runs and the calls the tests make move the same instruments the card reads.
        Services.AddSingleton(Harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Services.AddSingleton<NicConsole.Web.Telemetry.WebMetrics>();
        Services.AddSingleton<NicConsole.Web.Telemetry.ControlPlaneWindow>();
        Services.AddScoped<LiveChanges>();
        Services.AddScoped<CommandRunner>();
        Services.AddScoped<ChangeGuard>();
        Services.AddFlux(o => o.ScanAssemblies(typeof(LiveChanges).Assembly));
    }

    protected DomainHarness Harness { get; }

    protected OperationContext Operator => OperationContext.System(CurrentOperator.DefaultUser, DomainHarness.Zone);

    protected async Task<IStore> StoreAsync()
    {
        var store = Services.GetRequiredService<IStore>();
        await store.InitializeAsync();
        return store;
    }

    protected override ValueTask DisposeOwnedAsync() => Harness.DisposeAsync();
}
