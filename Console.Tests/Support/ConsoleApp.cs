using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NicConsole.Tests.Support;

/// <summary>The console with its demo data on a real loopback port, so a browser can reach it.</summary>
public sealed class ConsoleApp : ApiFactory
{
    public ConsoleApp()
        : base(new Dictionary<string, string>
        {
            ["DemoData:Enabled"] = "true",
            ["DataPlane:LatencyMilliseconds"] = "200",
            ["Urls"] = "http://127.0.0.1:0",
        })
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }
}
