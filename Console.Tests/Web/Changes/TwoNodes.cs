using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Web.Changes;

namespace NicConsole.Tests.Web.Changes;

/// <summary>Two instances of the whole app in one test run, on ONE SQLite file and one redis-server of their own.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _channel = "nicconsole-test:" + Guid.NewGuid().ToString("N");

    public RedisServer Redis { get; private set; } = null!;

    public ApiFactory A { get; private set; } = null!;

    public ApiFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        A = Node("node-a", null);
        await StartAsync(A);
        B = Node("node-b", A.DatabasePath);
        await StartAsync(B);
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private ApiFactory Node(string id, string? database)
    {
        var settings = new Dictionary<string, string>
        {
            ["Node:Id"] = id,
            ["LiveUpdates:Backplane"] = "Redis",
            ["LiveUpdates:Redis"] = Redis.ConnectionString,
            ["LiveUpdates:Channel"] = _channel,
            ["DataPlane:LatencyMilliseconds"] = "50",
        };
        if (database is not null)
        {
            settings["ConnectionStrings:Default"] = $"Data Source={database}";
        }
        return new ApiFactory(settings);
    }

    private static async Task StartAsync(ApiFactory node)
    {
        var feed = node.Services.GetRequiredService<IChangeFeed>().ShouldBeOfType<RedisChangeFeed>();
        node.Services.GetRequiredService<IOptions<NicConsole.Domain.Options.NodeOptions>>().Value.Id.ShouldStartWith("node-");
        await feed.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
