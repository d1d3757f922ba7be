using NicConsole.Domain.Changes;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Shared;

/// <summary>
/// Carries every committed change into this circuit's store as a <see cref="ResourcesChangedAction"/>, so open
/// pages refresh without polling; the subscription ends with the circuit.
/// </summary>
public sealed class LiveChanges(IChangeFeed feed) : IDisposable
{
    private IDisposable? _subscription;

    public void Start(IDispatcher dispatcher) =>
        _subscription ??= feed.Subscribe(changes => dispatcher.Dispatch(new ResourcesChangedAction(changes)));

    public void Dispose() => _subscription?.Dispose();
}
