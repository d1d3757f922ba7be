using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NicConsole.Tests.Web;

public class ConsoleStartsWithDemoData : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ConsoleStartsWithDemoData()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", "Sqlite")
            .UseSetting("ConnectionStrings:Default", _database.ConnectionString)
            .UseSetting("DataPlane:LatencyMilliseconds", "0"));
    }

    [Fact]
    public async Task AnEmptyDatabaseStartsWithTheDemo()
    {
        var users = _factory.Services.GetRequiredService<NicConsole.Web.Users.UserService>();
        (await users.CreateAsync(OperationContext.System("t", "pek3a"), new NicConsole.Web.Users.NewUser("alice", Role.Viewer, OperationContext.DefaultTenant, "alice-pass-1"))).Ok();
        var html = await (await SignIn.ClientAsync(_factory, "alice", "alice-pass-1")).GetStringAsync("/");

        // The dashboard reads the demo through the store once the circuit is live; prerendered, it shows itself loading.
        html.ShouldContain("data-interactive=\"false\"");
        html.ShouldContain("id=\"dashboard\" data-loading=\"true\"");
        var service = _factory.Services;
        var context = OperationContext.System("t", "pek3a");
        var dashboard = (await service.GetRequiredService<DashboardQueries>().GetAsync(context)).Ok();
        (dashboard.Vpcs.Of("active"), dashboard.VxNets.Of("in-vpc"), dashboard.Servers.Of("running"), dashboard.Nics.Of("in-use")).ShouldBe((1, 1, 1, 1));
        dashboard.FullestServers.Single().Name.ShouldBe("hosta");
        dashboard.FullestVxNets.Single().Detail.ShouldBe("10.120.7.0/24");
        (await service.GetRequiredService<VpcQueries>().QueryAsync(context, new VpcQuery())).Ok().Items.Single().Network.ToString().ShouldBe("172.16.0.0/16");
        (await service.GetRequiredService<VxNetQueries>().QueryAsync(context, new VxNetQuery())).Ok().Items.Select(x => x.Subnet?.ToString()).ShouldContain("172.16.1.0/24");
        var hosta = (await service.GetRequiredService<InstanceQueries>().QueryAsync(context, new InstanceQuery())).Ok().Items.Single();
        hosta.Name.ShouldBe("hosta");
        hosta.Nics.Single().PrivateIp.ToString().ShouldBe("10.120.7.40");
    }

    [Fact]
    public async Task AFreshStartSendsTheFirstVisitorToTheSetupPage()
    {
        var html = await _factory.CreateClient().GetStringAsync("/");

        html.ShouldContain("id=\"setup-form\"");
        html.ShouldContain("id=\"setup-token\"");
    }

    [Fact]
    public async Task TheDemoIsMadeOnlyOnce()
    {
        await _factory.CreateClient().GetStringAsync("/");
        var demo = _factory.Services.GetRequiredService<DemoData>();

        await demo.SeedIfEmptyAsync(CancellationToken.None);

        var service = _factory.Services;
        (await service.GetRequiredService<InstanceQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new InstanceQuery())).Ok().TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task ServesMudBlazorAssets()
    {
        var response = await _factory.CreateClient().GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        response.IsSuccessStatusCode.ShouldBeTrue();
    }

    public void Dispose()
    {
        _factory.Dispose();
        _database.Dispose();
    }
}
