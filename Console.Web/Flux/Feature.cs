namespace NicConsole.Web.Flux;

/// <summary>
/// Base class for a feature written by hand, the alternative to a <see cref="FeatureStateAttribute"/> record.
/// Override <see cref="GetName"/> and <see cref="GetInitialState"/>; reducers are attached by registration.
/// Derived classes found by <see cref="FluxOptions.ScanAssemblies"/> get constructor injection.
/// </summary>
/// <typeparam name="TState">The type of the feature's state; a record is expected.</typeparam>
public abstract class Feature<TState> : IFeature<TState>
{
    private readonly Lock _syncRoot = new();
    private readonly List<IReducer<TState>> _reducers = [];
    private EventHandler? _stateChanged;
    private TState _state = default!;
    private bool _hasState;

    /// <inheritdoc />
    public abstract string GetName();

    /// <summary>
    /// Creates the state the feature starts with. Called once, on the first read of <see cref="State"/>.
    /// </summary>
    /// <returns>The initial state.</returns>
    protected abstract TState GetInitialState();

    /// <inheritdoc />
    public byte MaximumStateChangedNotificationsPerSecond
    {
        get => 0;
        set
        {
            if (value != 0)
            {
                throw new NotSupportedException(
                    $"Feature '{GetName()}': MaximumStateChangedNotificationsPerSecond must be 0; throttled notifications are not supported.");
            }
        }
    }

    /// <inheritdoc />
    public TState State
    {
        get
        {
            lock (_syncRoot)
            {
                if (!_hasState)
                {
                    _state = GetInitialState();
                    _hasState = true;
                }
                return _state;
            }
        }
    }

    /// <summary>
    /// How many handlers are subscribed to <see cref="StateChanged"/>, directly or through an
    /// <see cref="IState{TState}"/> or a listening <see cref="IStateSelection{TState, TValue}"/>. Meant for tests
    /// that check that disposed components left nothing behind.
    /// </summary>
    public int StateChangedSubscriberCount
    {
        get
        {
            lock (_syncRoot)
            {
                return _stateChanged?.GetInvocationList().Length ?? 0;
            }
        }
    }

    /// <inheritdoc />
    public event EventHandler StateChanged
    {
        add
        {
            lock (_syncRoot)
            {
                _stateChanged += value;
            }
        }
        remove
        {
            lock (_syncRoot)
            {
                _stateChanged -= value;
            }
        }
    }

    /// <inheritdoc />
    public object? GetState() => State;

    /// <inheritdoc />
    public Type GetStateType() => typeof(TState);

    /// <inheritdoc />
    /// <exception cref="InvalidCastException"><paramref name="value"/> is not a <typeparamref name="TState"/>.</exception>
    public void RestoreState(object? value) => ReplaceState((TState)value!);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="reducer"/> is null.</exception>
    public void AddReducer(IReducer<TState> reducer)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        lock (_syncRoot)
        {
            _reducers.Add(reducer);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The matching reducers run in sequence, each on the previous result. If one throws, the state is left as
    /// it was and the exception reaches the store, which reports it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public virtual void ReceiveDispatchNotificationFromStore(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        IReducer<TState>[] reducers;
        lock (_syncRoot)
        {
            reducers = [.. _reducers];
        }
        var newState = State;
        foreach (var reducer in reducers)
        {
            if (reducer.ShouldReduceStateForAction(action))
            {
                newState = reducer.Reduce(newState, action);
            }
        }
        ReplaceState(newState);
    }

    /// <summary>
    /// Installs <paramref name="newState"/> and raises <see cref="StateChanged"/>, but only when it is a different
    /// reference from the current state (for a value type: when it is not equal). Handlers run outside the lock.
    /// </summary>
    /// <param name="newState">The state to install.</param>
    protected void ReplaceState(TState newState)
    {
        EventHandler? handlers;
        lock (_syncRoot)
        {
            var unchanged = _hasState && (typeof(TState).IsValueType
                ? EqualityComparer<TState>.Default.Equals(_state, newState)
                : ReferenceEquals(_state, newState));
            if (unchanged)
            {
                return;
            }
            _state = newState;
            _hasState = true;
            handlers = _stateChanged;
        }
        handlers?.Invoke(this, EventArgs.Empty);
    }
}
