namespace NicConsole.Web.Features.Shared;

/// <summary>One wake-up at a time on the given clock: setting a new time replaces the pending one, none cancels it.</summary>
public sealed class Alarm(TimeProvider time, Action ring) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    public void Set(DateTime? at)
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed || at is not { } when)
            {
                return;
            }
            var wait = new DateTimeOffset(when, TimeSpan.Zero) - time.GetUtcNow();
            _timer = time.CreateTimer(_ => ring(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
