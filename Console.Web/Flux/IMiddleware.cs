namespace NicConsole.Web.Flux;

/// <summary>
/// Hooks into the store's dispatch pipeline: logging, tracing, vetoing actions. Derive from
/// <see cref="Middleware"/> and override only what you need; register with
/// <see cref="FluxOptions.AddMiddleware{TMiddleware}"/>. The hooks run on the dispatching thread, inside the
/// store's dispatch lock, in registration order.
/// </summary>
public interface IMiddleware
{
    /// <summary>
    /// Called once, when the store initialises (or when the middleware is added to an initialised store).
    /// </summary>
    /// <param name="dispatcher">The store's dispatcher.</param>
    /// <param name="store">The store.</param>
    /// <returns>A task that completes when the middleware is ready.</returns>
    Task InitializeAsync(IDispatcher dispatcher, IStore store);

    /// <summary>
    /// Called once, after <see cref="InitializeAsync"/> has completed for every middleware.
    /// </summary>
    void AfterInitializeAllMiddlewares();

    /// <summary>
    /// Called first for each action. Returning false drops the action: nothing else runs for it.
    /// </summary>
    /// <param name="action">The action about to be processed.</param>
    /// <returns>True to let the action through.</returns>
    bool MayDispatchAction(object action);

    /// <summary>
    /// Called for each action after every middleware allowed it, before the reducers.
    /// </summary>
    /// <param name="action">The action about to be reduced.</param>
    void BeforeDispatch(object action);

    /// <summary>
    /// Called for each action after the reducers and the action subscribers, before the effects start.
    /// </summary>
    /// <param name="action">The action that was just reduced.</param>
    void AfterDispatch(object action);

    /// <summary>
    /// Called through <see cref="IStore.BeginInternalMiddlewareChange"/> when a middleware is about to change
    /// state itself; other middlewares can use it to suppress their own reactions.
    /// </summary>
    /// <returns>A disposable that ends the change.</returns>
    IDisposable BeginInternalMiddlewareChange();
}
