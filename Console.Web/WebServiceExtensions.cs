using Microsoft.AspNetCore.DataProtection;
using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Api;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.LiveUpdates;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web;

public static class WebServiceExtensions
{
    public static IServiceCollection AddConsoleWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<CurrentOperator>();
        services.AddScoped<LiveChanges>();
        services.AddLiveUpdates(configuration);
        services.AddScoped<CommandRunner>();
        services.AddScoped<ChangeGuard>();
        services.AddFlux(o => o.ScanAssemblies(typeof(WebServiceExtensions).Assembly));
        services.AddLocalization();
        services.AddSingleton<ErrorText>();
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<IaasActions>();
        services.AddSingleton<IaasDispatcher>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        // The console and the keys command share one key ring, so a key made on the command line works in the app.
        var keysFolder = configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder ? folder : "data/keys";
        services.AddDataProtection()
            .SetApplicationName("NicConsole")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(environment.ContentRootPath, keysFolder)));
        return services;
    }
}
