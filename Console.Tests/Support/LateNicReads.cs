using System.Reflection;

namespace NicConsole.Tests.Support;

/// <summary>
/// The console's <see cref="INetworkService"/> with one read that ends late: every call goes to the real service, but the
/// next NIC list read, once it has read the database, hands its page back only when the test releases it.
/// </summary>
public class LateNicReads : DispatchProxy
{
    private INetworkService _inner = null!;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdNext;

    /// <summary>Done once the late read has read the database (and waits to be released).</summary>
    public TaskCompletionSource HasRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static (INetworkService Service, LateNicReads Reads) Over(INetworkService inner)
    {
        var service = Create<INetworkService, LateNicReads>();
        var reads = (LateNicReads)(object)service;
        reads._inner = inner;
        return (service, reads);
    }

    /// <summary>Makes the next NIC list read late, until <see cref="Release"/>.</summary>
    public void HoldNext() => Volatile.Write(ref _holdNext, 1);

    public void Release() => _released.TrySetResult();

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        var result = method!.Invoke(_inner, args);
        if (method.Name == nameof(INetworkService.QueryNicsAsync) && Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            return LateAsync((Task<Result<Page<NicView>>>)result!, _released.Task);
        }
        return result;
    }

    private async Task<Result<Page<NicView>>> LateAsync(Task<Result<Page<NicView>>> read, Task released)
    {
        var page = await read;
        HasRead.TrySetResult();
        await released;
        return page;
    }
}
