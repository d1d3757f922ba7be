using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>
/// Two nodes on one database, at the same moment: setups racing on both make one first administrator, and two nodes
/// starting together on an empty database make one vxnet-0 and one demo. The database decides, not a lock in a process.
/// </summary>
public sealed class TwoNodesStartTests
{
    [Fact]
    public async Task SetupsRacingOnTwoNodesMakeOneFirstAdministrator()
    {
        await using var a = new ApiFactory();
        await using var b = new ApiFactory(new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={a.DatabasePath}" });
        _ = a.Server;
        _ = b.Server;
        var nodes = new[] { a.Get<UserService>(), b.Get<UserService>() };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => nodes[i % 2].CreateFirstAdminAsync($"admin{i}", "racing-pass-1"))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Error!.Key == nameof(DomainErrors.AdminOnly));
        await using var db = a.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        (await db.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task TwoConsoleProcessesStartingAtOnceOnOneEmptyDatabaseBothServeWithOneBasicNetworkAndOneDemo()
    {
        using var database = new TempDatabase();
        IReadOnlyDictionary<string, string> Settings(string node) => new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["DemoData:Enabled"] = "true",
            ["DataPlane:LatencyMilliseconds"] = "0",
            ["Node:Id"] = node,
        };
        await using var a = new ConsoleProcess(Settings("node-a"));
        await using var b = new ConsoleProcess(Settings("node-b"));

        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        var options = new DbContextOptionsBuilder<SqliteConsoleDbContext>().UseSqlite(database.ConnectionString).WithTenantModels().Options;
        await using var db = new SqliteConsoleDbContext(options);
        (await db.VxNets.IgnoreQueryFilters().CountAsync(x => x.Id == ResourceIds.BasicVxNet)).ShouldBe(1);
        (await db.Vpcs.IgnoreQueryFilters().CountAsync()).ShouldBe(1, "one demo VPC");
        (await db.Instances.IgnoreQueryFilters().Select(i => i.Name).ToListAsync()).ShouldBe(["hosta"]);
    }

    [Fact]
    public async Task TwoNodesStartingTogetherOnAnEmptyDatabaseMakeOneBasicNetworkAndOneDemo()
    {
        var demo = new Dictionary<string, string> { ["DemoData:Enabled"] = "true" };
        await using var a = new ApiFactory(demo);
        await using var b = new ApiFactory(new Dictionary<string, string>(demo) { ["ConnectionStrings:Default"] = $"Data Source={a.DatabasePath}" });

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        await using var db = a.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        (await db.VxNets.IgnoreQueryFilters().CountAsync(x => x.Id == ResourceIds.BasicVxNet)).ShouldBe(1);
        (await db.Vpcs.IgnoreQueryFilters().CountAsync()).ShouldBe(1, "one demo VPC");
        (await db.Instances.IgnoreQueryFilters().Select(i => i.Name).ToListAsync()).ShouldBe(["hosta"]);
    }
}
