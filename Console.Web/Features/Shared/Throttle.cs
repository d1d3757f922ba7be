namespace NicConsole.Web.Features.Shared;

/// <summary>
/// Runs an action at most once per interval: a call after a quiet interval runs at once, calls within the interval
/// run once at its end, so a burst of changes costs at most two runs and the last change is never missed.
/// </summary>
public sealed class Throttle(TimeSpan interval, TimeProvider time, Action action) : IDisposable
{
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private ITimer? _trailing;
    private bool _disposed;

    public void Run()
    {
        lock (_gate)
        {
            if (_disposed || _trailing is not null)
            {
                return;
            }
            var wait = _last + interval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _trailing = time.CreateTimer(_ => Fire(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }
            _last = time.GetUtcNow();
        }
        action();
    }

    private void Fire()
    {
        lock (_gate)
        {
            _trailing?.Dispose();
            _trailing = null;
            if (_disposed)
            {
                return;
            }
            _last = time.GetUtcNow();
        }
        action();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _trailing?.Dispose();
            _trailing = null;
        }
    }
}
