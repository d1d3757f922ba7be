using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NicConsole.Bench.LiveLatency;

/// <summary>The whole console in memory as one node: its own id, the Redis backplane, a shared SQLite file (which holds the key ring too).</summary>
public sealed class BenchNode(string nodeId, string database, string redis, string channel) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Node:Id"] = nodeId,
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={database}",
            ["DemoData:Enabled"] = "false",
            ["LiveUpdates:Backplane"] = "Redis",
            ["LiveUpdates:Redis"] = redis,
            ["LiveUpdates:Channel"] = channel,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Logging:LogLevel:NicConsole.Web.Users.FirstRunNotice"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
