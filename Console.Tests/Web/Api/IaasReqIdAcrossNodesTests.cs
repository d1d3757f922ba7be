using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace NicConsole.Tests.Web.Api;

/// <summary>Two nodes on one database, one key ring and one redis-server: a req_id answered by one node is answered the same by the other.</summary>
public class IaasReqIdAcrossNodesTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ApiFactory _a = null!;
    private ApiFactory _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _a = Node(null);
        _a.Services.GetRequiredService<IDistributedCache>().ShouldBeAssignableTo<RedisCache>();
        _b = Node(_a.DatabasePath);
        _b.Services.GetRequiredService<IDistributedCache>().ShouldBeAssignableTo<RedisCache>();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AReqIdSentToNodeAAndThenToNodeBIsCarriedOutOnceAndGetsTheSameAnswer()
    {
        var api = await _a.ClientForNewKeyAsync();
        api.RequestId = Guid.NewGuid().ToString("N");
        var name = "across-" + Guid.NewGuid().ToString("N")[..8];
        var first = await api.RawAsync(HttpMethod.Get, "RunInstances", [("instance_name", name), ("vxnets.1", "vxnet-0")]);
        var answer = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.Succeeded();

        var onB = JsonDocument.Parse(await _b.CreateClient().GetStringAsync(first.RequestMessage!.RequestUri!.PathAndQuery)).RootElement;

        onB.GetRawText().ShouldBe(answer.GetRawText());
        onB.Str("job_id").ShouldBe(answer.Str("job_id"));
        (await _b.Get<InstanceQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new InstanceQuery { SearchWord = name })).Ok().TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task AChangeWithoutReqIdSentToBothNodesIsCarriedOutOnEach()
    {
        var api = await _a.ClientForNewKeyAsync("go");
        api.Shape = IaasClient.Style.GoSdk;
        var name = "across-" + Guid.NewGuid().ToString("N")[..8];
        var first = await api.RawAsync(HttpMethod.Get, "CreateVxnets", [("vxnet_name", name), ("vxnet_type", "1")]);
        JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.Succeeded();

        JsonDocument.Parse(await _b.CreateClient().GetStringAsync(first.RequestMessage!.RequestUri!.PathAndQuery)).RootElement.Succeeded();

        (await _b.Get<VxNetQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new VxNetQuery { SearchWord = name })).Ok().TotalCount.ShouldBe(2);
    }

    private ApiFactory Node(string? database)
    {
        var settings = new Dictionary<string, string>
        {
            ["LiveUpdates:Backplane"] = "Redis",
            ["LiveUpdates:Redis"] = _redis.ConnectionString,
            ["LiveUpdates:Channel"] = "nicconsole-test:" + Guid.NewGuid().ToString("N"),
        };
        if (database is not null)
        {
            settings["ConnectionStrings:Default"] = $"Data Source={database}";
        }
        return new ApiFactory(settings);
    }
}
