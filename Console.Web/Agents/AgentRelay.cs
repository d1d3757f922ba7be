using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Hosts;
using NicConsole.Web.Changes;
using StackExchange.Redis;

namespace NicConsole.Web.Agents;

/// <summary>
/// What an agent tells the node it talks to (it is alive; what a pass applied), told to every node. With Redis as the
/// backplane each node sends it on <c>{LiveUpdates:Channel}:agents</c> and applies what the others send, so any node
/// judges a host's liveness as the others do (no node marks offline a host whose agent talks to another) and a job on
/// any node sees the report it waits for. A heartbeat is sent on at most once a second a host; a report always. Without
/// Redis this node is the only one, and nothing is sent.
/// </summary>
/// <remarks>
/// Redis pub/sub does not keep what a node misses while disconnected: a heartbeat comes again within
/// <c>Hosts:HeartbeatSeconds</c>, and an agent reports again after its next pass (at the latest its minute's reconcile).
/// </remarks>
public sealed class AgentRelay(
    HostLiveness liveness,
    HostReports reports,
    IOptions<LiveUpdatesOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<AgentRelay> logger) : BackgroundService
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(1);

    private readonly string _sender = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel + ":agents");
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);
    private volatile IConnectionMultiplexer? _redis;

    /// <summary>The message between nodes: who sent it, the host whose agent was heard, and its report if that is what it said.</summary>
    public sealed record Message(string Sender, string Host, AgentReport? Report);

    /// <summary>Completes once this node listens to the other nodes (at once without Redis).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The host's agent was heard here.</summary>
    public void Heard(string host)
    {
        liveness.Heard(host);
        if (_redis is not null && Due(host))
        {
            Send(new Message(_sender, host, null));
        }
    }

    /// <summary>Whether to send that <paramref name="host"/> was heard: not sent within the last second (by any thread).</summary>
    private bool Due(string host)
    {
        var now = time.GetTimestamp();
        return _sent.TryGetValue(host, out var last)
            ? time.GetElapsedTime(last, now) >= HeartbeatEvery && _sent.TryUpdate(host, now, last)
            : _sent.TryAdd(host, now);
    }

    /// <summary>The host's agent reported a pass here.</summary>
    public void Reported(string host, AgentReport report)
    {
        liveness.Heard(host);
        reports.Heard(host, report);
        Send(new Message(_sender, host, report));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Backplane != Backplane.Redis)
        {
            _listening.TrySetResult();
            return;
        }
        var feed = services.GetRequiredService<RedisChangeFeed>();
        // The feed owns the connection and its reconnects; a subscription made is restored with it.
        await feed.Subscribed.WaitAsync(stoppingToken);
        var redis = feed.Connection!;
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(Receive);
        _redis = redis;
        _listening.TrySetResult();
        logger.LogInformation("Agents' heartbeats and reports are shared with other nodes on Redis channel {Channel}", _channel);
    }

    private void Send(Message message)
    {
        if (_redis is not { IsConnected: true } redis)
        {
            return;
        }
        try
        {
            redis.GetSubscriber().Publish(_channel, JsonSerializer.Serialize(message, HostDesiredState.Json), CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Host {Host}'s agent news was not sent to other nodes", message.Host);
        }
    }

    private void Receive(ChannelMessage received)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(received.Message.ToString(), HostDesiredState.Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "A message on {Channel} was not an agent's news; it is ignored", _channel);
            return;
        }
        if (message is null || message.Sender == _sender || string.IsNullOrEmpty(message.Host))
        {
            return;
        }
        // Heard now: pub/sub takes milliseconds, and another node's clock may differ from ours by more than that.
        liveness.Heard(message.Host);
        if (message.Report is { } report)
        {
            reports.Heard(message.Host, report);
        }
    }
}
