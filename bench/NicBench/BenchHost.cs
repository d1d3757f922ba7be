using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// The whole app on the bench's SQLite file, on Kestrel at a free loopback port, plus a trivial endpoint and DescribeNics by hand (<see cref="ApiFloor"/>) in front of its
/// pipeline (this host only). <paramref name="services"/> adds what a part of the bench observes the app with, <paramref name="more"/> settings.
/// </summary>
public sealed class BenchHost(BenchDomain domain, string zone, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? more = null)
    : WebApplicationFactory<Program>
{
    public const string TrivialPath = "/bench/trivial";

    /// <summary>DescribeNics by hand on the same database: the API's floor.</summary>
    public ApiFloor Floor { get; } = new(domain.ConnectionString);

    /// <summary>Starts the app on Kestrel and returns its base address (http://127.0.0.1:port).</summary>
    public string Start()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)).First();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = domain.ConnectionString,
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["DemoData:Enabled"] = "false",
            // The API part measures the API: with the limiter on, 8 clients on one key would mostly time 5100 refusals.
            ["Api:RateLimit:Enabled"] = "false",
            ["Network:Zones:0"] = zone,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            // The bench creates its own users; the "no user yet, here is the setup token" notice is not for it.
            ["Logging:LogLevel:NicConsole.Web.Users.FirstRunNotice"] = "Error",
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter>(new TrivialEndpoint(Floor));
            services?.Invoke(s);
        });
    }

    private sealed class TrivialEndpoint(ApiFloor floor) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ApiFloor.Path, hand => hand.Run(floor.HandleAsync));
            app.Map(TrivialPath, trivial => trivial.Run(context =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"ret_code\":0}");
            }));
            next(app);
        };
    }
}
