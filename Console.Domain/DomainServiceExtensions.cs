using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Changes;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Seeding;
using NicConsole.Domain.Services;
using NicConsole.Domain.Telemetry;

namespace NicConsole.Domain;

public static class DomainServiceExtensions
{
    /// <summary>The use cases and query classes, jobs and their worker, the simulated data plane, persistence and start-up.</summary>
    public static IServiceCollection AddConsoleDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkOptions>(configuration.GetSection(NetworkOptions.Section));
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.Configure<DataPlaneOptions>(configuration.GetSection(DataPlaneOptions.Section));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.Configure<NodeOptions>(configuration.GetSection(NodeOptions.Section));
        services.Configure<HostsOptions>(configuration.GetSection(HostsOptions.Section));
        // The console's own data plane fills the host whose agent it is.
        services.PostConfigure<DataPlaneOptions>(o => o.Host = configuration[$"{HostsOptions.Section}:{nameof(HostsOptions.LocalAgent)}"] ?? o.Host);
        services.PostConfigure<NodeOptions>(o => o.Id = string.IsNullOrWhiteSpace(o.Id) ? NodeOptions.DefaultId : o.Id.Trim());
        services.TryAddSingleton(TimeProvider.System);
        services.AddConsolePersistence();
        services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddMetrics();
        services.AddSingleton<DomainMetrics>();
        services.AddSingleton<ChangeRunner>();
        services.AddSingleton<UseCaseServices>();
        services.AddUseCasesAndQueries();
        services.AddSingleton<SimulatedDataPlane>();
        services.AddSingleton<DataPlaneGate>();
        services.AddSingleton(sp => LinuxDataPlane.Start(sp.GetRequiredService<DataPlaneGate>(),
            sp.GetRequiredService<IOptionsMonitor<DataPlaneOptions>>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IDataPlane>(sp => Driver(sp));
        services.TryAddSingleton<IGuestProbe>(sp => (IGuestProbe)Driver(sp));
        services.AddSingleton<DataPlaneMonitor>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<StuckJobPolicy>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<AccessKeyService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<BulkData>();
        services.AddSingleton<HostLiveness>();
        services.AddSingleton<HostTokens>();
        services.AddSingleton<HostStates>();
        services.AddSingleton<VxNetPresence>();
        services.AddSingleton<HostStateSignals>();
        services.AddSingleton<HostReports>();
        services.AddSingleton<AgentApplies>();
        services.AddSingleton<HostDirectory>();
        services.AddHostedService<DatabaseInitializer>();
        // The first reconcile pass runs in its StartAsync, so before the job worker starts claiming jobs.
        services.AddHostedService<ReconcileWorker>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<HostStatusWorker>();
        return services;
    }

    /// <summary>
    /// Every <see cref="UseCase"/> and every <see cref="Reads"/> class (an aggregate's queries) of the domain, each a
    /// singleton a caller injects by its type: they keep no state, and each call runs in a context of its own.
    /// </summary>
    public static IReadOnlyList<Type> UseCasesAndQueries { get; } = typeof(UseCase).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (t.IsSubclassOf(typeof(UseCase)) || t.IsSubclassOf(typeof(Reads))))
        .ToList();

    private static void AddUseCasesAndQueries(this IServiceCollection services)
    {
        foreach (var type in UseCasesAndQueries)
        {
            services.TryAddSingleton(type);
        }
    }

    /// <summary>
    /// The configured driver (<c>DataPlane:Driver</c>: <c>Simulated</c> or <c>Linux</c>), read when first resolved so
    /// that test settings apply. The Linux driver probes the machine first and stops the start naming what is missing;
    /// an unknown name stops it too. Never a silent fallback.
    /// </summary>
    private static IDataPlane Driver(IServiceProvider services)
    {
        var driver = services.GetRequiredService<IOptions<DataPlaneOptions>>().Value.Driver;
        if (string.Equals(driver, SimulatedDataPlane.Name, StringComparison.OrdinalIgnoreCase))
        {
            return services.GetRequiredService<SimulatedDataPlane>();
        }
        return string.Equals(driver, LinuxDataPlane.Name, StringComparison.OrdinalIgnoreCase)
            ? services.GetRequiredService<LinuxDataPlane>()
            : throw new InvalidOperationException($"DataPlane:Driver={driver} is not a driver: use {SimulatedDataPlane.Name} (the default) or {LinuxDataPlane.Name}.");
    }
}
