namespace NicConsole.Domain.Changes;

/// <summary>Where committed changes are published after their transaction commits.</summary>
public interface IChangeFeed
{
    void Publish(IReadOnlyList<ResourceChange> changes);

    /// <summary>Calls <paramref name="handler"/> with each batch of committed changes; subscribers are called in the order they subscribed.</summary>
    IDisposable Subscribe(Action<IReadOnlyList<ResourceChange>> handler);
}
