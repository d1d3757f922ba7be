namespace NicConsole.Web.Flux;

/// <summary>
/// The store: the features, effects and middlewares of one user (one Blazor circuit by default), and the queue
/// through which every action passes. Registration builds it; application code mostly sees
/// <see cref="IState{TState}"/>, <see cref="IDispatcher"/> and <see cref="IActionSubscriber"/>.
/// </summary>
/// <remarks>
/// Each action goes, in order, through <see cref="IMiddleware.MayDispatchAction"/>,
/// <see cref="IMiddleware.BeforeDispatch"/>, the reducers of every feature, the action subscribers,
/// <see cref="IMiddleware.AfterDispatch"/> and finally the effects, which are all started and then awaited
/// together. Actions are processed one at a time under one lock; an action dispatched while another is being
/// processed (from a reducer, a subscriber or an effect) is queued behind it.
/// </remarks>
public interface IStore : IActionSubscriber
{
    /// <summary>
    /// Adds a feature, which from then on receives every action.
    /// </summary>
    /// <param name="feature">The feature; its name must be unique in the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A feature with the same name is already present.</exception>
    void AddFeature(IFeature feature);

    /// <summary>
    /// Adds an effect, which from then on is started for every action it reacts to.
    /// </summary>
    /// <param name="effect">The effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="effect"/> is null.</exception>
    void AddEffect(IEffect effect);

    /// <summary>
    /// Adds a middleware. If the store is already initialised, the middleware is initialised at once.
    /// </summary>
    /// <param name="middleware">The middleware.</param>
    /// <exception cref="ArgumentNullException"><paramref name="middleware"/> is null.</exception>
    void AddMiddleware(IMiddleware middleware);

    /// <summary>
    /// Tells every middleware that a middleware is about to change state itself; actions dispatched until the
    /// returned disposable is disposed are ignored.
    /// </summary>
    /// <returns>A disposable that ends the change.</returns>
    IDisposable BeginInternalMiddlewareChange();

    /// <summary>
    /// The features in the store, by name (case-insensitive).
    /// </summary>
    IReadOnlyDictionary<string, IFeature> Features { get; }

    /// <summary>
    /// Initialises the middlewares, then processes the queued actions, <see cref="StoreInitializedAction"/>
    /// first. Safe to call more than once and from several places: every call returns the same task.
    /// <see cref="StoreInitializer"/> calls it in the app; tests call it themselves.
    /// </summary>
    /// <returns>A task that completes when the store is initialised.</returns>
    Task InitializeAsync();

    /// <summary>
    /// Completes when <see cref="InitializeAsync"/> has finished.
    /// </summary>
    Task Initialized { get; }

    /// <summary>
    /// Returns a task that completes when the store is idle: every action dispatched so far has been processed
    /// and every effect started so far (including effects of the actions those effects dispatched) has finished.
    /// Actions queued before initialisation keep it pending until <see cref="InitializeAsync"/>. Meant for tests;
    /// put a timeout on it.
    /// </summary>
    /// <returns>A task that completes when nothing is pending.</returns>
    Task WhenIdle();

    /// <summary>
    /// The middlewares, in registration order.
    /// </summary>
    /// <returns>The middlewares.</returns>
    IEnumerable<IMiddleware> GetMiddlewares();

    /// <summary>
    /// Raised for every exception a reducer, an action subscriber, a middleware or an effect lets escape, after
    /// it has been logged. The queue carries on with the next action.
    /// </summary>
    event EventHandler<Exceptions.UnhandledExceptionEventArgs> UnhandledException;
}
