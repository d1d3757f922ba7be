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

    /// <remarks>
    /// The feed calls its subscribers in turn on the committing thread, and a dispatch runs this page's reload; so each
    /// circuit dispatches on the thread pool, and a use case does not wait for every open page to read itself again.
    /// </remarks>
    public void Start(IDispatcher dispatcher) =>
        _subscription ??= feed.Subscribe(changes => _ = Task.Run(() => dispatcher.Dispatch(new ResourcesChangedAction(changes))));

    public void Dispose() => _subscription?.Dispose();
}
