using NicConsole.Domain.Changes;
using NicConsole.Web.Changes;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;
using NicConsole.Web.Telemetry;

namespace NicConsole.Web.Features.Shared;

/// <summary>
/// Carries every committed change this operator may see into this circuit's store as a <see cref="ResourcesChangedAction"/>,
/// so open pages refresh without polling; the subscription ends with the circuit.
/// </summary>
public sealed class LiveChanges(IChangeFeed feed, CurrentOperator @operator, WebMetrics metrics, TimeProvider time, ILogger<LiveChanges> logger) : IDisposable
{
    /// <summary>How long a failed dispatch waits before the next try: doubling from the first to the last.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private List<ResourceChange> _heard = [];
    private bool _dispatching;
    private bool _disposed;
    private IDisposable? _subscription;

    /// <summary>
    /// Whether this circuit's pages may be behind: the last dispatch of changes failed (until one succeeds), or the
    /// backplane to the other nodes is lost (until it resyncs).
    /// </summary>
    public bool Interrupted => _dispatchFailed || _backplaneLost;

    private bool _dispatchFailed;
    private bool _backplaneLost;

    /// <summary>Raised when <see cref="Interrupted"/> changes (on a pool thread).</summary>
    public event Action<bool>? InterruptedChanged;

    /// <remarks>
    /// The feed calls its subscribers in turn on the committing thread, and a dispatch runs this page's reload; so each
    /// circuit dispatches on the thread pool, and a use case does not wait for every open page to read itself again.
    /// A circuit has one dispatch on its way at a time: changes heard meanwhile join the next one, in order. With many
    /// pages open the thread pool is slower than a script's changes, and a page then reloads once for all it missed,
    /// not once for each. Other tenants' changes are dropped here, before anything is dispatched: no reload, nothing to time.
    /// </remarks>
    public void Start(IDispatcher dispatcher) =>
        _subscription ??= feed.Subscribe(changes =>
        {
            // The backplane's own word: other nodes' changes stop (lost) or come again, with a reload (resync).
            if (changes.Any(c => c.Action == RedisChangeFeed.LostAction))
            {
                Set(ref _backplaneLost, true);
                changes = changes.Where(c => c.Action != RedisChangeFeed.LostAction).ToList();
            }
            if (changes.Any(c => c.Action == RedisChangeFeed.ResyncAction))
            {
                Set(ref _backplaneLost, false);
            }
            var visible = Visible(changes);
            if (visible.Count == 0)
            {
                return;
            }
            lock (_gate)
            {
                _heard.AddRange(visible);
                if (_dispatching)
                {
                    return;
                }
                _dispatching = true;
            }
            _ = Task.Run(() => DispatchHeardAsync(dispatcher));
        });

    /// <summary>
    /// Dispatches what was heard, and again what was heard meanwhile, until nothing waits. A dispatch that fails is
    /// logged and its changes are kept: the next try, after a growing pause, carries them with whatever came since,
    /// so the pages catch up once it succeeds; meanwhile <see cref="Interrupted"/> tells them they may be behind.
    /// </summary>
    private async Task DispatchHeardAsync(IDispatcher dispatcher)
    {
        var pause = FirstRetry;
        while (true)
        {
            List<ResourceChange> batch;
            lock (_gate)
            {
                if (_heard.Count == 0 || _disposed)
                {
                    _dispatching = false;
                    return;
                }
                (batch, _heard) = (_heard, []);
            }
            try
            {
                dispatcher.Dispatch(new ResourcesChangedAction(batch));
                Set(ref _dispatchFailed, false);
                if (batch.Min(c => c.At) is { } oldest)
                {
                    metrics.Delivered(batch.Count, time.GetUtcNow().UtcDateTime - oldest);
                }
                pause = FirstRetry;
            }
            catch (ObjectDisposedException)
            {
                // The circuit is gone, and its pages with it.
                lock (_gate)
                {
                    _dispatching = false;
                }
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Live updates of {User}'s pages: {Count} changes could not be dispatched; trying again in {Pause} ms",
                    @operator.User, batch.Count, (int)pause.TotalMilliseconds);
                lock (_gate)
                {
                    _heard.InsertRange(0, batch);
                }
                Set(ref _dispatchFailed, true);
                await Task.Delay(pause);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private void Set(ref bool flag, bool value)
    {
        bool changed;
        lock (_gate)
        {
            var before = Interrupted;
            flag = value;
            changed = Interrupted != before;
        }
        if (changed)
        {
            InterruptedChanged?.Invoke(Interrupted);
        }
    }

    /// <summary>
    /// The changes this operator's pages hear of: an Admin every one; anyone else their own tenant's, and those of no
    /// tenant (the system's, e.g. a resync after the backplane returns).
    /// </summary>
    public IReadOnlyList<ResourceChange> Visible(IReadOnlyList<ResourceChange> changes)
    {
        if (@operator.IsAdmin)
        {
            return changes;
        }
        var tenant = @operator.Tenant;
        bool Concerns(ResourceChange change) => string.IsNullOrEmpty(change.Tenant) || change.Tenant == tenant;
        return changes.All(Concerns) ? changes : changes.Where(Concerns).ToList();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        _subscription?.Dispose();
    }
}
