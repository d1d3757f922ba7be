using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Changes;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain;

public static class DomainServiceExtensions
{
    /// <summary>The domain service, jobs and their worker, the simulated data plane, persistence and start-up.</summary>
    public static IServiceCollection AddConsoleDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkOptions>(configuration.GetSection(NetworkOptions.Section));
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.Configure<DataPlaneOptions>(configuration.GetSection(DataPlaneOptions.Section));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.Configure<NodeOptions>(configuration.GetSection(NodeOptions.Section));
        services.PostConfigure<NodeOptions>(o => o.Id = string.IsNullOrWhiteSpace(o.Id) ? NodeOptions.DefaultId : o.Id.Trim());
        services.TryAddSingleton(TimeProvider.System);
        services.AddConsolePersistence();
        services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddSingleton<ChangeRunner>();
        services.AddSingleton<INetworkService, NetworkService>();
        services.AddSingleton<SimulatedDataPlane>();
        services.TryAddSingleton<IDataPlane>(sp => sp.GetRequiredService<SimulatedDataPlane>());
        services.AddSingleton<JobRunner>();
        services.AddSingleton<StuckJobPolicy>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<AccessKeyService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<BulkData>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
