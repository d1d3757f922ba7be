using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NicConsole.Tests.Support;

/// <summary>The console on a real loopback port, so a browser can reach it; a SQLite file and key ring of its own.</summary>
public sealed class ConsoleApp : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"nicconsole-keys-{Guid.NewGuid():N}");

    public ConsoleApp()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("DataProtection:KeysFolder", _keys);
        builder.UseSetting("DataPlane:LatencyMilliseconds", "200");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
            if (Directory.Exists(_keys))
            {
                Directory.Delete(_keys, recursive: true);
            }
        }
    }
}
