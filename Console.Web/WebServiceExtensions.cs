using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Api;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Changes;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;
using NicConsole.Web.Telemetry;
using NicConsole.Web.Users;

namespace NicConsole.Web;

public static class WebServiceExtensions
{
    public static IServiceCollection AddConsoleWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<CurrentOperator>();
        services.AddSingleton<WebMetrics>();
        services.AddSingleton<ControlPlaneWindow>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlPlaneWindow>());
        services.AddScoped<LiveChanges>();
        services.AddChangeFeed(configuration);
        services.AddSingleton<Agents.AgentRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<Agents.AgentRelay>());
        services.AddScoped<CommandRunner>();
        services.AddScoped<ChangeGuard>();
        services.AddFlux(o => o.ScanAssemblies(typeof(WebServiceExtensions).Assembly));
        services.AddLocalization();
        services.AddSingleton<ErrorText>();
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<IaasActions>();
        services.AddSingleton<IaasDispatcher>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        // Users, sign-in, and the key ring in the database, which the console, the commands and every node share.
        services.AddConsoleSignIn(configuration);
        return services;
    }
}
