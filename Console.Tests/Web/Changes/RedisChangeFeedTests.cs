using Microsoft.Extensions.Logging.Abstractions;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Web.Changes;

namespace NicConsole.Tests.Web.Changes;

/// <summary>The Redis change feed of two nodes against a real redis-server started by the test.</summary>
public class RedisChangeFeedTests : IAsyncLifetime
{
    private readonly string _channel = "nicconsole-test:" + Guid.NewGuid().ToString("N");
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task AChangeReachesTheOtherNodeOnceAndIsDeliveredOnItsOwnNodeOnce()
    {
        await using var a = await SubscribedFeedAsync("node-a");
        await using var b = await SubscribedFeedAsync("node-b");
        using var onA = new ChangeInbox(a);
        using var onB = new ChangeInbox(b);

        a.Publish([Change("vxnet-a1")]);

        var heard = await onB.WaitForAsync("vxnet-a1");
        heard.ShouldBe(Change("vxnet-a1"), new ChangeComparer());
        b.Publish([Change("vxnet-b1")]);
        await onA.WaitForAsync("vxnet-b1");
        await Task.Delay(300);
        onA.CountAbout("vxnet-a1").ShouldBe(1);
        onB.CountAbout("vxnet-a1").ShouldBe(1);
        onB.CountAbout("vxnet-b1").ShouldBe(1);
        onA.CountAbout("vxnet-b1").ShouldBe(1);
    }

    [Fact]
    public async Task WhileRedisIsDownChangesStillReachThisNodeAndOnceItIsBackTheOtherNodesAgain()
    {
        await using var a = await SubscribedFeedAsync("node-a");
        await using var b = await SubscribedFeedAsync("node-b");
        using var onA = new ChangeInbox(a);
        using var onB = new ChangeInbox(b);

        await _redis.StopAsync();
        await UntilAsync(() => a.Connection is { IsConnected: false });
        await onA.WaitForAsync(c => c.Action == RedisChangeFeed.LostAction, seconds: 30);
        a.Publish([Change("during-outage")]);

        await onA.WaitForAsync("during-outage");
        await _redis.StartAgainAsync();
        await onB.WaitForAsync(c => c.Action == RedisChangeFeed.ResyncAction, seconds: 30);
        await UntilAsync(() => a.Connection is { IsConnected: true });
        a.Publish([Change("after-outage")]);
        await onB.WaitForAsync("after-outage");
    }

    [Fact]
    public async Task ANodeStartedBeforeRedisJoinsOnceRedisAnswers()
    {
        var late = new RedisServer();
        try
        {
            await using var b = Feed("node-b", late.ConnectionString);
            using var onB = new ChangeInbox(b);
            b.Publish([Change("local-only")]);
            await onB.WaitForAsync("local-only");

            await late.StartAgainAsync();
            await b.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
            await using var a = Feed("node-a", late.ConnectionString);
            await a.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
            a.Publish([Change("vxnet-late")]);

            await onB.WaitForAsync("vxnet-late");
        }
        finally
        {
            await late.DisposeAsync();
        }
    }

    [Fact]
    public async Task ABackplaneWithoutAConnectionStringIsRefused()
    {
        var refused = Should.Throw<InvalidOperationException>(() => Feed("node-a", ""));

        refused.Message.ShouldContain("LiveUpdates:Redis");
    }

    private async Task<RedisChangeFeed> SubscribedFeedAsync(string node)
    {
        var feed = Feed(node, _redis.ConnectionString);
        await feed.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
        return feed;
    }

    private RedisChangeFeed Feed(string node, string redis) => new(
        Microsoft.Extensions.Options.Options.Create(new LiveUpdatesOptions { Backplane = Backplane.Redis, Redis = redis, Channel = _channel }),
        Microsoft.Extensions.Options.Options.Create(new NodeOptions { Id = node }),
        NullLoggerFactory.Instance);

    private static ResourceChange Change(string resourceId) =>
        new("ModifyVxNetAttributes", [resourceId], OperationResult.Succeeded, "j-12345678", "pek3a");

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(20);
        }
    }

    private sealed class ChangeComparer : IEqualityComparer<ResourceChange>
    {
        public bool Equals(ResourceChange? x, ResourceChange? y) =>
            x is not null && y is not null && x.Action == y.Action && x.ResourceIds.SequenceEqual(y.ResourceIds)
            && x.Result == y.Result && x.JobId == y.JobId && x.Zone == y.Zone;

        public int GetHashCode(ResourceChange obj) => obj.Action.GetHashCode();
    }
}
