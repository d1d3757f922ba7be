namespace NicConsole.Web.Flux;

/// <summary>
/// The <see cref="IStateSelection{TState, TValue}"/> handed out by dependency injection. It listens to its feature
/// only while someone listens to it, so an unsubscribed selection holds no subscription on the feature.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
/// <typeparam name="TValue">The type of the selected value.</typeparam>
public sealed class StateSelection<TState, TValue> : IStateSelection<TState, TValue>
{
    private readonly IFeature<TState> _feature;
    private readonly Lock _syncRoot = new();
    private Func<TState, TValue>? _selector;
    private Func<TValue, TValue, bool> _valueEquals = DefaultValueEquals;
    private Action<TValue>? _selectedValueChangedCallback;
    private TValue _previousValue = default!;
    private EventHandler? _stateChanged;
    private EventHandler<TValue>? _selectedValueChanged;
    private bool _isListeningToFeature;

    /// <summary>
    /// Creates a selection over <paramref name="feature"/>; call <see cref="Select"/> before reading
    /// <see cref="Value"/>.
    /// </summary>
    /// <param name="feature">The feature to select from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public StateSelection(IFeature<TState> feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _feature = feature;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="Select"/> has not been called yet.</exception>
    public TValue Value
    {
        get
        {
            var selector = _selector
                ?? throw new InvalidOperationException(
                    $"Call {nameof(Select)}(...) on IStateSelection<{typeof(TState).Name}, {typeof(TValue).Name}> before reading {nameof(Value)}.");
            return selector(_feature.State);
        }
    }

    /// <inheritdoc />
    public void Select(
        Func<TState, TValue> selector,
        Func<TValue, TValue, bool>? valueEquals = null,
        Action<TValue>? selectedValueChanged = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        lock (_syncRoot)
        {
            if (_selector is not null)
            {
                throw new InvalidOperationException(
                    $"{nameof(Select)} has already been called on this IStateSelection<{typeof(TState).Name}, {typeof(TValue).Name}>; a selection selects once.");
            }
            _selector = selector;
            _valueEquals = valueEquals ?? DefaultValueEquals;
            _selectedValueChangedCallback = selectedValueChanged;
            _previousValue = selector(_feature.State);
            UpdateFeatureSubscription();
        }
    }

    /// <inheritdoc />
    public event EventHandler<TValue> SelectedValueChanged
    {
        add
        {
            lock (_syncRoot)
            {
                _selectedValueChanged += value;
                UpdateFeatureSubscription();
            }
        }
        remove
        {
            lock (_syncRoot)
            {
                _selectedValueChanged -= value;
                UpdateFeatureSubscription();
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Raised only when the selected value changes, not on every change to the feature.</remarks>
    public event EventHandler StateChanged
    {
        add
        {
            lock (_syncRoot)
            {
                _stateChanged += value;
                UpdateFeatureSubscription();
            }
        }
        remove
        {
            lock (_syncRoot)
            {
                _stateChanged -= value;
                UpdateFeatureSubscription();
            }
        }
    }

    private void UpdateFeatureSubscription()
    {
        var shouldListen = _stateChanged is not null || _selectedValueChanged is not null || _selectedValueChangedCallback is not null;
        if (shouldListen == _isListeningToFeature)
        {
            return;
        }
        if (shouldListen)
        {
            _feature.StateChanged += OnFeatureStateChanged;
        }
        else
        {
            _feature.StateChanged -= OnFeatureStateChanged;
        }
        _isListeningToFeature = shouldListen;
    }

    private void OnFeatureStateChanged(object? sender, EventArgs e)
    {
        TValue newValue;
        Action<TValue>? callback;
        EventHandler<TValue>? selectedValueChanged;
        EventHandler? stateChanged;
        lock (_syncRoot)
        {
            if (_selector is null)
            {
                return;
            }
            newValue = _selector(_feature.State);
            if (_valueEquals(_previousValue, newValue))
            {
                return;
            }
            _previousValue = newValue;
            callback = _selectedValueChangedCallback;
            selectedValueChanged = _selectedValueChanged;
            stateChanged = _stateChanged;
        }
        callback?.Invoke(newValue);
        selectedValueChanged?.Invoke(this, newValue);
        stateChanged?.Invoke(this, EventArgs.Empty);
    }

    private static bool DefaultValueEquals(TValue x, TValue y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }
        if (x is IEquatable<TValue> equatable)
        {
            return equatable.Equals(y);
        }
        return Equals(x, y);
    }
}
