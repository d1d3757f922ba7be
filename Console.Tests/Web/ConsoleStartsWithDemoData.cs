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
        var html = await _factory.CreateClient().GetStringAsync("/");

        html.ShouldContain("hosta");
        html.ShouldContain("10.120.7.40");
        html.ShouldContain("172.16.0.0/16");
        html.ShouldContain("172.16.1.0/24");
        html.ShouldContain("data-interactive=\"false\"");
    }

    [Fact]
    public async Task TheDemoIsMadeOnlyOnce()
    {
        await _factory.CreateClient().GetStringAsync("/");
        var demo = _factory.Services.GetRequiredService<DemoData>();

        await demo.SeedIfEmptyAsync(CancellationToken.None);

        var service = _factory.Services.GetRequiredService<INetworkService>();
        (await service.QueryInstancesAsync(new OperationContext("t", "pek3a"), new InstanceQuery())).Ok().TotalCount.ShouldBe(1);
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
