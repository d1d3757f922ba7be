using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NicConsole.Tests.Support;

/// <summary>The console with its demo data on a real loopback port, so a browser can reach it.</summary>
public sealed class ConsoleApp : ApiFactory
{
    public ConsoleApp()
        : this(withAdmin: true)
    {
    }

    /// <param name="withAdmin">Whether to make the administrator the browser tests sign in as; without, a fresh start that needs setup.</param>
    /// <param name="settings">More configuration (e.g. the Linux data plane), over the defaults.</param>
    internal ConsoleApp(bool withAdmin, IReadOnlyDictionary<string, string>? settings = null)
        : base(new Dictionary<string, string>
        {
            ["DemoData:Enabled"] = "true",
            ["DataPlane:LatencyMilliseconds"] = "200",
            ["Urls"] = "http://127.0.0.1:0",
        }.Concat(settings ?? new Dictionary<string, string>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        AdminPassword = withAdmin ? CreateUserAsync(AdminName, Role.Admin).GetAwaiter().GetResult() : "";
    }

    /// <summary>The administrator every browser page signs in as.</summary>
    public const string AdminName = "e2e-admin";

    public string AdminPassword { get; }

    public string BaseUrl { get; }
}
