namespace NicConsole.Web.Flux;

/// <summary>
/// Counts the store's pending work (queued actions and running effect batches) and completes
/// <see cref="WhenIdle"/> each time the count drops to zero.
/// </summary>
internal sealed class IdleTracker
{
    private readonly Lock _syncRoot = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    public IdleTracker() => _idle.SetResult();

    public void Begin()
    {
        lock (_syncRoot)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void End()
    {
        lock (_syncRoot)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    public Task WhenIdle()
    {
        lock (_syncRoot)
        {
            return _idle.Task;
        }
    }
}
