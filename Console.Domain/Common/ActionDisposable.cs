namespace NicConsole.Domain.Common;

/// <summary>Runs its action on the first Dispose only.</summary>
public sealed class ActionDisposable(Action action) : IDisposable
{
    private Action? _action = action;

    public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
}
