namespace NicConsole.Web.Flux;

/// <summary>
/// Runs a callback on the first <see cref="Dispose"/> and ignores later ones.
/// </summary>
internal sealed class DisposableCallback(Action callback) : IDisposable
{
    private Action? _callback = callback;

    public void Dispose() => Interlocked.Exchange(ref _callback, null)?.Invoke();
}
