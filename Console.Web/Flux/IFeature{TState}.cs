namespace NicConsole.Web.Flux;

/// <summary>
/// A feature with a typed state.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
public interface IFeature<TState> : IFeature
{
    /// <summary>
    /// The current state. The first read creates the initial state.
    /// </summary>
    TState State { get; }

    /// <summary>
    /// Adds a reducer. Reducers run in the order they were added, each on the previous one's result.
    /// </summary>
    /// <param name="reducer">The reducer to add.</param>
    void AddReducer(IReducer<TState> reducer);
}
