namespace NicConsole.Web.Flux;

/// <summary>
/// The <see cref="IState{TState}"/> handed out by dependency injection: a thin view over one feature.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
public sealed class State<TState> : IState<TState>
{
    private readonly IFeature<TState> _feature;

    /// <summary>
    /// Creates a view over <paramref name="feature"/>.
    /// </summary>
    /// <param name="feature">The feature whose state this exposes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public State(IFeature<TState> feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _feature = feature;
    }

    /// <inheritdoc />
    public TState Value => _feature.State;

    /// <inheritdoc />
    /// <remarks>Subscribing here subscribes directly to the feature, so the feature sees every subscriber.</remarks>
    public event EventHandler StateChanged
    {
        add => _feature.StateChanged += value;
        remove => _feature.StateChanged -= value;
    }
}
