using NicConsole.Web.Operators;

namespace NicConsole.Web;

public static class WebServiceExtensions
{
    public static IServiceCollection AddConsoleWeb(this IServiceCollection services)
    {
        services.AddScoped<CurrentOperator>();
        return services;
    }
}
