using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NicConsole.Bench.LiveLatency;

/// <summary>The whole console in memory as one node: its own id, the Redis backplane, a shared SQLite file and key ring.</summary>
public sealed class BenchNode(string nodeId, string database, string keys, string redis, string channel) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Node:Id"] = nodeId,
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={database}",
            ["DataProtection:KeysFolder"] = keys,
            ["DemoData:Enabled"] = "false",
            ["LiveUpdates:Backplane"] = "Redis",
            ["LiveUpdates:Redis"] = redis,
            ["LiveUpdates:Channel"] = channel,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
