using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using StackExchange.Redis;

namespace NicConsole.Web.Changes;

/// <summary>
/// The change feed across nodes: a change is delivered to this node's subscribers at once and sent on a Redis
/// channel; what other nodes send is delivered here. Without Redis (down, or not reached yet) local delivery goes on,
/// and the connection comes back by itself; open pages then reload once, for what they missed.
/// </summary>
public sealed class RedisChangeFeed : IChangeFeed, IAsyncDisposable
{
    /// <summary>The change delivered locally when the channel comes back: pages reload what they may have missed.</summary>
    public const string ResyncAction = "Resync";

    /// <summary>Told to this node's subscribers when the subscription to Redis drops: other nodes' changes stop until <see cref="ResyncAction"/>.</summary>
    public const string LostAction = "FeedLost";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly InProcessChangeFeed _local;
    private readonly RedisChannel _channel;
    private readonly string _node;
    private readonly string _sender = Guid.NewGuid().ToString("N");
    private readonly ILogger<RedisChangeFeed> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _connecting;
    private ConnectionMultiplexer? _redis;
    private int _publishFailures;
    private int _disposed;

    public RedisChangeFeed(IOptions<LiveUpdatesOptions> options, IOptions<NodeOptions> node, ILoggerFactory loggers)
    {
        _local = new InProcessChangeFeed(loggers.CreateLogger<InProcessChangeFeed>());
        _logger = loggers.CreateLogger<RedisChangeFeed>();
        _channel = RedisChannel.Literal(options.Value.Channel);
        _node = node.Value.Id;
        if (string.IsNullOrWhiteSpace(options.Value.Redis))
        {
            throw new InvalidOperationException("LiveUpdates:Backplane is Redis but LiveUpdates:Redis (the connection string) is empty.");
        }
        var configuration = ConfigurationOptions.Parse(options.Value.Redis);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "nicconsole-" + _node;
        _connecting = ConnectAsync(configuration);
    }

    /// <summary>The connection, once the first attempt is over (connected or still retrying), else null.</summary>
    public IConnectionMultiplexer? Connection => _redis;

    /// <summary>Completes once this node listens on the channel.</summary>
    public Task Subscribed => _subscribed.Task;

    public void Publish(IReadOnlyList<ResourceChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        _local.Publish(changes);
        if (_redis is not { IsConnected: true } redis)
        {
            NotSent(null);
            return;
        }
        try
        {
            var message = JsonSerializer.Serialize(new ChangeMessage(_node, _sender, changes), Json);
            redis.GetSubscriber().Publish(_channel, message, CommandFlags.FireAndForget);
            Interlocked.Exchange(ref _publishFailures, 0);
        }
        catch (Exception ex)
        {
            NotSent(ex);
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<ResourceChange>> handler) => _local.Subscribe(handler);

    public async ValueTask DisposeAsync()
    {
        // Served as itself and as IChangeFeed, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _connecting;
        if (_redis is { } redis)
        {
            await redis.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
            redis.ConnectionFailed += (_, e) => Lost(e);
            redis.ConnectionRestored += (_, e) => Restored(e.ConnectionType);
            _redis = redis;
            if (!redis.IsConnected)
            {
                _logger.LogWarning("Redis at {Endpoints} is not reachable yet; live updates stay on this node until it is",
                    string.Join(", ", configuration.EndPoints));
            }
            await SubscribeAsync(redis);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The Redis backplane could not start; live updates stay on this node");
        }
    }

    /// <summary>Subscribes once connected. A subscription that was made is restored by the client after each reconnect.</summary>
    private async Task SubscribeAsync(ConnectionMultiplexer redis)
    {
        while (!redis.IsConnected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _stopping.Token);
        }
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(Receive);
        _subscribed.TrySetResult();
        _logger.LogInformation("Node {Node} shares its changes on Redis channel {Channel}", _node, _channel);
    }

    private void Receive(ChannelMessage message)
    {
        ChangeMessage? received;
        try
        {
            received = JsonSerializer.Deserialize<ChangeMessage>(message.Message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "A message on {Channel} was not a change; it is ignored", _channel);
            return;
        }
        if (received is null || received.Sender == _sender || received.Changes is not { Count: > 0 } changes)
        {
            return;
        }
        _local.Publish(changes);
    }

    private void Lost(ConnectionFailedEventArgs e)
    {
        _logger.LogWarning(e.Exception,
            "Redis connection lost ({Type}, {Failure}): changes from other nodes stop until it returns; this node's pages still update",
            e.ConnectionType, e.FailureType);
        if (e.ConnectionType == ConnectionType.Subscription && _subscribed.Task.IsCompleted)
        {
            _local.Publish([new ResourceChange(LostAction, [], OperationResult.Succeeded, null, "")]);
        }
    }

    private void Restored(ConnectionType type)
    {
        _logger.LogInformation("Redis connection restored ({Type})", type);
        if (type == ConnectionType.Subscription && _subscribed.Task.IsCompleted)
        {
            _local.Publish([new ResourceChange(ResyncAction, [], OperationResult.Succeeded, null, "")]);
        }
    }

    /// <summary>Logs the first change that could not be sent after a success, and then every hundredth, not each one.</summary>
    private void NotSent(Exception? ex)
    {
        var failures = Interlocked.Increment(ref _publishFailures);
        if (failures % 100 == 1)
        {
            _logger.LogWarning(ex, "A change was not sent to other nodes (Redis unavailable, {Failures} so far); they will see it on their next reload", failures);
        }
    }
}
