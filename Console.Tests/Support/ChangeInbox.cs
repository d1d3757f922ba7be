using System.Collections.Concurrent;
using NicConsole.Domain.Changes;

namespace NicConsole.Tests.Support;

/// <summary>What one subscriber of a change feed heard, in order, and a way to wait for a particular change.</summary>
public sealed class ChangeInbox : IDisposable
{
    private readonly ConcurrentQueue<ResourceChange> _changes = new();
    private readonly IDisposable _subscription;

    public ChangeInbox(IChangeFeed feed) => _subscription = feed.Subscribe(changes =>
    {
        foreach (var change in changes)
        {
            _changes.Enqueue(change);
        }
    });

    public IReadOnlyList<ResourceChange> Changes => _changes.ToList();

    /// <summary>What was heard since the last take, and forgets it.</summary>
    public IReadOnlyList<ResourceChange> Take()
    {
        var taken = new List<ResourceChange>();
        while (_changes.TryDequeue(out var change))
        {
            taken.Add(change);
        }
        return taken;
    }

    public int CountAbout(string resourceId) => _changes.Count(c => c.ResourceIds.Contains(resourceId));

    public async Task<ResourceChange> WaitForAsync(Func<ResourceChange, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (_changes.FirstOrDefault(match) is { } change)
            {
                return change;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the change did not arrive; heard: {string.Join("; ", _changes.Select(c => $"{c.Action} {string.Join(',', c.ResourceIds)}"))}");
            await Task.Delay(10);
        }
    }

    public Task<ResourceChange> WaitForAsync(string resourceId, int seconds = 10) =>
        WaitForAsync(c => c.ResourceIds.Contains(resourceId), seconds);

    public void Dispose() => _subscription.Dispose();
}
