namespace NicConsole.Domain.Changes;

/// <summary>Where committed changes are published after their transaction commits.</summary>
public interface IChangeFeed
{
    void Publish(IReadOnlyList<ResourceChange> changes);

    IDisposable Subscribe(Action<IReadOnlyList<ResourceChange>> handler);
}
