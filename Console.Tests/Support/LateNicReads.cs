namespace NicConsole.Tests.Support;

/// <summary>
/// The console's <see cref="NicQueries"/> with one read that ends late: every read is the real one, but the next NIC
/// list read, once it has read the database, hands its page back only when the test releases it.
/// </summary>
public sealed class LateNicReads(UseCaseServices services) : NicQueries(services)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdNext;

    /// <summary>Done once the late read has read the database (and waits to be released).</summary>
    public TaskCompletionSource HasRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next NIC list read late, until <see cref="Release"/>.</summary>
    public void HoldNext() => Volatile.Write(ref _holdNext, 1);

    public void Release() => _released.TrySetResult();

    public override Task<Result<Page<NicView>>> QueryAsync(OperationContext context, NicQuery query, CancellationToken cancellationToken = default)
    {
        var read = base.QueryAsync(context, query, cancellationToken);
        return Interlocked.Exchange(ref _holdNext, 0) == 1 ? LateAsync(read, _released.Task) : read;
    }

    private async Task<Result<Page<NicView>>> LateAsync(Task<Result<Page<NicView>>> read, Task released)
    {
        var page = await read;
        HasRead.TrySetResult();
        await released;
        return page;
    }
}
