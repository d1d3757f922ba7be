using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NicConsole.Web.Security;

/// <summary>
/// Running behind HTTPS (<c>Https:*</c>): the sign-in and antiforgery cookies are <c>Secure</c> whenever the request is
/// HTTPS; a reverse proxy that ends TLS can say so with <c>X-Forwarded-Proto</c> (and the client's address with
/// <c>X-Forwarded-For</c>), read only from the proxies named; and HSTS can be sent.
/// </summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Read <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>, from <see cref="KnownProxies"/> and <see cref="KnownNetworks"/> only (loopback when none is named).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>The reverse proxies' addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The reverse proxies' networks, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS answers (never on plain HTTP ones).</summary>
    public bool Hsts { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;
}

public static class HttpsDeployment
{
    public static IServiceCollection AddHttpsDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HttpsOptions.Section);
        services.Configure<HttpsOptions>(section);
        var options = section.Get<HttpsOptions>() ?? new HttpsOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in options.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(Math.Max(1, options.HstsMaxAgeDays));
            o.IncludeSubDomains = false;
        });
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's scheme and address.</summary>
    public static IApplicationBuilder UseHttpsDeployment(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HttpsOptions>>().Value;
        if (options.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
        if (options.Hsts)
        {
            app.UseHsts();
        }
        return app;
    }
}
