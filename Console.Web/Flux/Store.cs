using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace NicConsole.Web.Flux;

/// <summary>
/// The <see cref="IStore"/> built by <see cref="FluxServiceExtensions.AddFlux"/>; also the
/// <see cref="IActionSubscriber"/>. See <see cref="IStore"/> for the order in which an action is processed.
/// </summary>
/// <remarks>
/// Every dispatched action is put on one queue under one lock. The thread that finds the store idle drains the
/// queue while holding the lock, so actions never run concurrently and never overtake each other; an action
/// dispatched while the queue is being drained (from a reducer, an action subscriber or an effect's synchronous
/// part on the draining thread) is processed after the current one, and a dispatch from another thread waits for
/// the lock. Before <see cref="InitializeAsync"/> actions are only queued. Anything that throws while an action
/// is processed is logged and raised on <see cref="UnhandledException"/>, and the queue moves on.
/// </remarks>
public sealed class Store : IStore, IDisposable
{
    /// <summary>The source of the store's spans: one per action that starts effects, lasting until they all end.</summary>
    public const string SourceName = "NicConsole.Flux";

    /// <inheritdoc cref="SourceName"/>
    public static readonly ActivitySource Source = new(SourceName);

    private readonly Lock _syncRoot = new();
    private readonly IDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IFeature> _features = new(StringComparer.OrdinalIgnoreCase);
    private readonly ActionSubscriber _actionSubscriber = new();
    private readonly Queue<object> _queue = new();
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IdleTracker _work = new();
    private IFeature[] _featureList = [];
    private IEffect[] _effects = [];
    private IMiddleware[] _middlewares = [];
    private Task? _initializing;
    private int _middlewareChangeDepth;
    private bool _isActivated;
    private bool _isDispatching;
    private bool _disposed;

    /// <summary>
    /// Creates an empty store listening to <paramref name="dispatcher"/>, with
    /// <see cref="StoreInitializedAction"/> already queued as the first action.
    /// </summary>
    /// <param name="dispatcher">The dispatcher whose actions this store processes.</param>
    /// <param name="logger">Where unhandled exceptions are logged; none if null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    public Store(IDispatcher dispatcher, ILogger<Store>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        _dispatcher = dispatcher;
        _logger = logger ?? NullLogger<Store>.Instance;
        // Queued before listening, so it precedes anything the dispatcher kept from before the store existed.
        Enqueue(new StoreInitializedAction());
        _dispatcher.ActionDispatched += OnActionDispatched;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IFeature> Features => _features;

    /// <inheritdoc />
    public Task Initialized => _initialized.Task;

    /// <summary>
    /// How many action subscriptions are live. Meant for tests that check that disposed components left nothing
    /// behind.
    /// </summary>
    public int ActionSubscriptionCount => _actionSubscriber.Count;

    /// <inheritdoc />
    public event EventHandler<Exceptions.UnhandledExceptionEventArgs>? UnhandledException;

    /// <inheritdoc />
    public void AddFeature(IFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        lock (_syncRoot)
        {
            var name = feature.GetName();
            if (!_features.TryAdd(name, feature))
            {
                throw new InvalidOperationException(
                    $"The store already has a feature named '{name}' ({_features[name].GetType().FullName}); feature names must be unique.");
            }
            _featureList = [.. _featureList, feature];
        }
    }

    /// <inheritdoc />
    public void AddEffect(IEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        lock (_syncRoot)
        {
            _effects = [.. _effects, effect];
        }
    }

    /// <inheritdoc />
    public void AddMiddleware(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        bool initializeNow;
        lock (_syncRoot)
        {
            _middlewares = [.. _middlewares, middleware];
            initializeNow = _initializing is not null;
        }
        if (initializeNow)
        {
            _ = InitializeLateMiddlewareAsync(middleware);
        }
    }

    /// <inheritdoc />
    public IDisposable BeginInternalMiddlewareChange()
    {
        IDisposable[] changes;
        lock (_syncRoot)
        {
            _middlewareChangeDepth++;
            changes = [.. _middlewares.Select(m => m.BeginInternalMiddlewareChange())];
        }
        return new DisposableCallback(() =>
        {
            lock (_syncRoot)
            {
                _middlewareChangeDepth--;
            }
            foreach (var change in changes)
            {
                change.Dispose();
            }
        });
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store has been disposed.</exception>
    public Task InitializeAsync()
    {
        lock (_syncRoot)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _initializing ??= ActivateAsync();
        }
    }

    /// <inheritdoc />
    public Task WhenIdle() => _work.WhenIdle();

    /// <inheritdoc />
    public IEnumerable<IMiddleware> GetMiddlewares() => _middlewares.AsReadOnly();

    /// <inheritdoc />
    public void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback) =>
        _actionSubscriber.SubscribeToAction(subscriber, callback);

    /// <inheritdoc />
    public void UnsubscribeFromAllActions(object subscriber) => _actionSubscriber.UnsubscribeFromAllActions(subscriber);

    /// <inheritdoc />
    public IDisposable GetActionUnsubscriberAsIDisposable(object subscriber) =>
        _actionSubscriber.GetActionUnsubscriberAsIDisposable(subscriber);

    /// <summary>
    /// Stops listening to the dispatcher. Actions dispatched afterwards are ignored.
    /// </summary>
    public void Dispose()
    {
        lock (_syncRoot)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _dispatcher.ActionDispatched -= OnActionDispatched;
    }

    private async Task ActivateAsync()
    {
        var middlewares = _middlewares;
        try
        {
            foreach (var middleware in middlewares)
            {
                await middleware.InitializeAsync(_dispatcher, this);
            }
            foreach (var middleware in middlewares)
            {
                middleware.AfterInitializeAllMiddlewares();
            }
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A Flux middleware failed to initialise; the store stays uninitialised");
            _initialized.TrySetException(exception);
            throw;
        }
        lock (_syncRoot)
        {
            _isActivated = true;
            DrainQueue();
        }
        _initialized.TrySetResult();
    }

    private async Task InitializeLateMiddlewareAsync(IMiddleware middleware)
    {
        try
        {
            await middleware.InitializeAsync(_dispatcher, this);
            middleware.AfterInitializeAllMiddlewares();
        }
        catch (Exception exception)
        {
            Report(exception, action: null);
        }
    }

    private void OnActionDispatched(object? sender, ActionDispatchedEventArgs e)
    {
        lock (_syncRoot)
        {
            if (_disposed)
            {
                return;
            }
            if (_middlewareChangeDepth > 0)
            {
                _logger.LogDebug("Ignored {ActionType}: dispatched during an internal middleware change", e.Action.GetType().FullName);
                return;
            }
            Enqueue(e.Action);
            DrainQueue();
        }
    }

    private void Enqueue(object action)
    {
        lock (_syncRoot)
        {
            _queue.Enqueue(action);
            _work.Begin();
        }
    }

    private void DrainQueue()
    {
        lock (_syncRoot)
        {
            // A re-entrant dispatch finds _isDispatching set and leaves its action to the loop below.
            if (!_isActivated || _isDispatching)
            {
                return;
            }
            _isDispatching = true;
            try
            {
                while (_queue.TryDequeue(out var action))
                {
                    try
                    {
                        Process(action);
                    }
                    catch (Exception exception)
                    {
                        Report(exception, action);
                    }
                    finally
                    {
                        _work.End();
                    }
                }
            }
            finally
            {
                _isDispatching = false;
            }
        }
    }

    private void Process(object action)
    {
        var middlewares = _middlewares;
        foreach (var middleware in middlewares)
        {
            if (!middleware.MayDispatchAction(action))
            {
                return;
            }
        }
        foreach (var middleware in middlewares)
        {
            middleware.BeforeDispatch(action);
        }
        foreach (var feature in _featureList)
        {
            try
            {
                feature.ReceiveDispatchNotificationFromStore(action);
            }
            catch (Exception exception)
            {
                Report(exception, action);
            }
        }
        _actionSubscriber.Notify(action, exception => Report(exception, action));
        foreach (var middleware in middlewares)
        {
            middleware.AfterDispatch(action);
        }
        StartEffects(action);
    }

    private void StartEffects(object action)
    {
        List<Task>? running = null;
        Activity? span = null;
        var outer = Activity.Current;
        foreach (var effect in _effects)
        {
            Task task;
            try
            {
                if (!effect.ShouldReactToAction(action))
                {
                    continue;
                }
                // The effects' work (a use case, its database calls, the job it queues) continues this span's trace.
                span ??= Source.StartActivity("effect " + action.GetType().Name);
                task = effect.HandleAsync(action, _dispatcher)
                    ?? Task.FromException(new InvalidOperationException($"{effect.GetType().FullName}.HandleAsync returned null instead of a Task."));
            }
            catch (Exception exception)
            {
                task = Task.FromException(exception);
            }
            (running ??= []).Add(task);
        }
        if (span is not null)
        {
            Activity.Current = outer;
        }
        if (running is not null)
        {
            _work.Begin();
            _ = ObserveEffectsAsync(action, running, span);
        }
    }

    private async Task ObserveEffectsAsync(object action, List<Task> running, Activity? span)
    {
        try
        {
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // WhenAll would surface only the first exception; report every failed effect with its own.
            foreach (var task in running)
            {
                if (task.Exception is { } failure)
                {
                    span?.SetStatus(ActivityStatusCode.Error);
                    foreach (var exception in failure.InnerExceptions)
                    {
                        Report(exception, action);
                    }
                }
                else if (task.IsCanceled)
                {
                    Report(new TaskCanceledException(task), action);
                }
            }
        }
        finally
        {
            span?.Stop();
            _work.End();
        }
    }

    private void Report(Exception exception, object? action)
    {
        _logger.LogError(exception, "Unhandled exception in the Flux store while processing {ActionType}", action?.GetType().FullName ?? "(no action)");
        var handlers = UnhandledException;
        if (handlers is null)
        {
            return;
        }
        var args = new Exceptions.UnhandledExceptionEventArgs(exception, action);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<Exceptions.UnhandledExceptionEventArgs>>())
        {
            try
            {
                handler(this, args);
            }
            catch (Exception handlerException)
            {
                _logger.LogError(handlerException, "An UnhandledException handler of the Flux store threw");
            }
        }
    }
}
