namespace NicConsole.Domain.DataPlane;

/// <summary>
/// One change to the real data plane at a time on this node: a job's effect, or a reconcile pass from reading the
/// database's desired state to its last change. A pass that read the database before a job was accepted must not meet
/// that job's links in the kernel and take them for strays, so the job waits for the pass, and the pass for the job.
/// </summary>
public sealed class DataPlaneGate
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        return new Common.ActionDisposable(() => _one.Release());
    }
}
