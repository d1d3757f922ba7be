namespace NicConsole.Web.Flux;

/// <summary>
/// A no-op <see cref="IMiddleware"/> to derive from: every hook does nothing and every action is allowed.
/// </summary>
public abstract class Middleware : IMiddleware
{
    private int _internalChangeDepth;

    /// <summary>
    /// True while at least one internal middleware change (see <see cref="IStore.BeginInternalMiddlewareChange"/>)
    /// is in progress.
    /// </summary>
    protected bool IsInsideMiddlewareChange => Volatile.Read(ref _internalChangeDepth) > 0;

    /// <inheritdoc />
    public virtual Task InitializeAsync(IDispatcher dispatcher, IStore store) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual void AfterInitializeAllMiddlewares()
    {
    }

    /// <inheritdoc />
    public virtual bool MayDispatchAction(object action) => true;

    /// <inheritdoc />
    public virtual void BeforeDispatch(object action)
    {
    }

    /// <inheritdoc />
    public virtual void AfterDispatch(object action)
    {
    }

    /// <summary>
    /// Called when the last internal middleware change ends.
    /// </summary>
    protected virtual void OnInternalMiddlewareChangeEnding()
    {
    }

    /// <inheritdoc />
    public IDisposable BeginInternalMiddlewareChange()
    {
        Interlocked.Increment(ref _internalChangeDepth);
        return new DisposableCallback(() =>
        {
            if (Volatile.Read(ref _internalChangeDepth) == 1)
            {
                OnInternalMiddlewareChangeEnding();
            }
            Interlocked.Decrement(ref _internalChangeDepth);
        });
    }
}
