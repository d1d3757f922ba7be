namespace NicConsole.Web.Api;

public static class ApiHardeningExtensions
{
    /// <summary>The API's rate limiter.</summary>
    public static IServiceCollection AddApiHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIaasRateLimiting();
        return services;
    }
}
