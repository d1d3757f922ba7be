namespace NicConsole.Web.Flux.Exceptions;

/// <summary>
/// An exception that a reducer, an action subscriber, a middleware or an effect let escape. The store has
/// already logged it. Effects are expected to catch their own exceptions, so one of these means a bug.
/// </summary>
public sealed class UnhandledExceptionEventArgs : EventArgs
{
    /// <summary>
    /// Wraps <paramref name="exception"/>.
    /// </summary>
    /// <param name="exception">The exception that escaped.</param>
    /// <param name="action">The action being processed when it escaped, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public UnhandledExceptionEventArgs(Exception exception, object? action = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception = exception;
        Action = action;
    }

    /// <summary>
    /// The exception that escaped.
    /// </summary>
    public Exception Exception { get; }

    /// <summary>
    /// The action being processed when the exception escaped, or null if unknown.
    /// </summary>
    public object? Action { get; }

    /// <summary>
    /// True once a handler has called <see cref="Handled"/>. <see cref="StoreInitializer"/> rethrows exceptions
    /// nobody handled, so that they reach Blazor's error UI.
    /// </summary>
    public bool WasHandled { get; private set; }

    /// <summary>
    /// Marks the exception as dealt with.
    /// </summary>
    public void Handled() => WasHandled = true;
}
