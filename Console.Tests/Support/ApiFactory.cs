using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Support;

/// <summary>The whole app in memory on a SQLite file and key ring of its own, its job worker running, without demo data unless asked.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"nicconsole-keys-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _settings;

    public ApiFactory()
        : this(null)
    {
    }

    internal ApiFactory(IDictionary<string, string>? settings)
    {
        _settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = _database.ConnectionString,
            ["DataProtection:KeysFolder"] = _keys,
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["Jobs:PollIntervalMilliseconds"] = "50",
            ["DemoData:Enabled"] = "false",
            ["Network:Zones:0"] = "pek3a",
            ["Network:Zones:1"] = "sh1a",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath => _database.Path;

    public INetworkService Network => Services.GetRequiredService<INetworkService>();

    public Task<string> SnapshotAsync() =>
        Snapshot.OfAsync(() => Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext());

    public async Task<IaasClient> ClientForNewKeyAsync(string user = "api-user")
    {
        var key = (await Services.GetRequiredService<AccessKeyService>().CreateAsync(user)).Ok();
        return new IaasClient(CreateClient(), key.AccessKeyId, key.SecretAccessKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
