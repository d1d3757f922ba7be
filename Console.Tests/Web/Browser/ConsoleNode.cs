using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NicConsole.Tests.Web.Browser;

/// <summary>One node of a several-node console on a real loopback port: Redis backplane, a database and key ring it may share.</summary>
public sealed class ConsoleNode : ApiFactory
{
    public ConsoleNode(string nodeId, string redis, string channel, string keysFolder, string? sharedDatabase)
        : base(Settings(nodeId, redis, channel, keysFolder, sharedDatabase))
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        if (sharedDatabase is null)
        {
            CreateUserAsync(ConsoleApp.AdminName, Role.Admin, password: AdminPassword).GetAwaiter().GetResult();
        }
    }

    /// <summary>The administrator's password on every node (they share the database, and so the user).</summary>
    public const string AdminPassword = "Passw0rd-for-two-nodes";

    public string BaseUrl { get; }

    private static Dictionary<string, string> Settings(string nodeId, string redis, string channel, string keysFolder, string? sharedDatabase)
    {
        var settings = new Dictionary<string, string>
        {
            ["DemoData:Enabled"] = "true",
            ["DataPlane:LatencyMilliseconds"] = "200",
            ["Urls"] = "http://127.0.0.1:0",
            ["Node:Id"] = nodeId,
            ["LiveUpdates:Backplane"] = "Redis",
            ["LiveUpdates:Redis"] = redis,
            ["LiveUpdates:Channel"] = channel,
        };
        if (sharedDatabase is not null)
        {
            settings["ConnectionStrings:Default"] = $"Data Source={sharedDatabase}";
        }
        return settings;
    }
}
