using NicConsole.Web.Features.Shared;

namespace NicConsole.Tests.Web.Features.Shared;

public class LatestReadTests
{
    private readonly LatestRead _reads = new();
    private readonly List<string> _log = [];

    /// <summary>A read that logs its start and end, and ends when the test says so.</summary>
    private Func<Task> Read(string name, TaskCompletionSource? hold = null) => async () =>
    {
        lock (_log)
        {
            _log.Add("start " + name);
        }
        if (hold is not null)
        {
            await hold.Task;
        }
        lock (_log)
        {
            _log.Add("end " + name);
        }
    };

    [Fact]
    public async Task AReadAskedForWhileAnotherRunsStartsAfterItEnds()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _reads.RunAsync(Read("1", first));

        var second = _reads.RunAsync(Read("2"));

        second.IsCompleted.ShouldBeTrue("the second read is left to the running call");
        _log.ShouldBe(["start 1"]);
        first.SetResult();
        await running;
        _log.ShouldBe(["start 1", "end 1", "start 2", "end 2"]);
    }

    [Fact]
    public async Task OfSeveralWaitingReadsOnlyTheNewestRuns()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _reads.RunAsync(Read("1", first));

        for (var i = 2; i <= 5; i++)
        {
            await _reads.RunAsync(Read(i.ToString()));
        }
        first.SetResult();
        await running;

        _log.ShouldBe(["start 1", "end 1", "start 5", "end 5"]);
    }

    [Fact]
    public async Task AReadAfterTheLastOneEndedRunsAtOnce()
    {
        await _reads.RunAsync(Read("1"));
        await _reads.RunAsync(Read("2"));

        _log.ShouldBe(["start 1", "end 1", "start 2", "end 2"]);
    }

    [Fact]
    public async Task ACancelledReadOpensTheGateAndDropsTheWaitingOne()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _reads.RunAsync(Read("1", first));
        await _reads.RunAsync(Read("2"));

        first.SetCanceled();
        await Should.ThrowAsync<TaskCanceledException>(running);
        await _reads.RunAsync(Read("3"));

        _log.ShouldBe(["start 1", "start 3", "end 3"]);
    }

    [Fact]
    public async Task ManyCallersNeverRunTwoReadsAtOnce()
    {
        var inside = 0;
        var most = 0;
        async Task Probe()
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => _reads.RunAsync(Probe))));

        most.ShouldBe(1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
