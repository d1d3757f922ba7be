using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.Changes;

public sealed class InProcessChangeFeed(ILogger<InProcessChangeFeed> logger) : IChangeFeed
{
    private ImmutableList<Action<IReadOnlyList<ResourceChange>>> _handlers = [];

    public void Publish(IReadOnlyList<ResourceChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var handler in _handlers)
        {
            try
            {
                handler(changes);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A change subscriber failed");
            }
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<ResourceChange>> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new ActionDisposable(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }
}
