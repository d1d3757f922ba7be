using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Support;

/// <summary>The whole app in memory on a SQLite file and key ring of its own, its job worker running, without demo data unless asked.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();
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
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["Jobs:PollIntervalMilliseconds"] = "50",
            ["DemoData:Enabled"] = "false",
            ["Network:Zones:0"] = "pek3a",
            ["Network:Zones:1"] = "sh1a",
            ["Hosts:WaitForAgents"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath => _database.Path;

    /// <summary>A use case or query class of the running console.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<string> SnapshotAsync() =>
        Snapshot.OfAsync(() => Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext());

    /// <summary>A client signing with a new key of <paramref name="user"/>, who is made (an Admin of the default tenant unless told) if missing.</summary>
    public async Task<IaasClient> ClientForNewKeyAsync(string user = "api-user", Role role = Role.Admin, string tenant = OperationContext.DefaultTenant)
    {
        var key = await NewKeyAsync(user, role, tenant);
        return new IaasClient(CreateClient(), key.AccessKeyId, key.SecretAccessKey);
    }

    /// <summary>A new key of <paramref name="user"/>, who is made (an Admin of the default tenant unless told) if missing.</summary>
    public async Task<CreatedAccessKey> NewKeyAsync(string user, Role role = Role.Admin, string tenant = OperationContext.DefaultTenant, string description = "")
    {
        var users = Services.GetRequiredService<UserService>();
        var admin = OperationContext.System("tests", "pek3a");
        if ((await users.ListAsync(admin)).Ok().All(u => u.Name != user))
        {
            await CreateUserAsync(user, role, tenant);
        }
        return (await Services.GetRequiredService<AccessKeyService>().CreateAsync(admin, user, description)).Ok();
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> (made an Admin of the default tenant if missing).</summary>
    public async Task<HttpClient> SignedInClientAsync(string user = "console-user", Role role = Role.Admin, string tenant = OperationContext.DefaultTenant)
    {
        const string password = "Passw0rd-for-tests";
        if ((await Services.GetRequiredService<UserService>().ListAsync(OperationContext.System("tests", "pek3a"))).Ok().All(u => u.Name != user))
        {
            await CreateUserAsync(user, role, tenant, password);
        }
        return await SignIn.ClientAsync(this, user, password);
    }

    /// <summary>Makes a user with a known password (it meets the rules) and gives the password back.</summary>
    public async Task<string> CreateUserAsync(string name, Role role, string tenant = OperationContext.DefaultTenant, string password = "Passw0rd-for-tests")
    {
        (await Services.GetRequiredService<UserService>().CreateAsync(OperationContext.System("tests", "pek3a"), new NewUser(name, role, tenant, password))).Ok();
        return password;
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
        }
    }
}
