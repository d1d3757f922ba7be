using NicConsole.Domain.Changes;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Shared;

/// <summary>
/// Carries every committed change this operator may see into this circuit's store as a <see cref="ResourcesChangedAction"/>,
/// so open pages refresh without polling; the subscription ends with the circuit.
/// </summary>
public sealed class LiveChanges(IChangeFeed feed, CurrentOperator @operator) : IDisposable
{
    private readonly Lock _gate = new();
    private List<ResourceChange> _heard = [];
    private bool _dispatching;
    private IDisposable? _subscription;

    /// <remarks>
    /// The feed calls its subscribers in turn on the committing thread, and a dispatch runs this page's reload; so each
    /// circuit dispatches on the thread pool, and a use case does not wait for every open page to read itself again.
    /// A circuit has one dispatch on its way at a time: changes heard meanwhile join the next one, in order. With many
    /// pages open the thread pool is slower than a script's changes, and a page then reloads once for all it missed,
    /// not once for each. Other tenants' changes are dropped here, before anything is dispatched: no reload, nothing to time.
    /// </remarks>
    public void Start(IDispatcher dispatcher) =>
        _subscription ??= feed.Subscribe(changes =>
        {
            var visible = Visible(changes);
            if (visible.Count == 0)
            {
                return;
            }
            lock (_gate)
            {
                _heard.AddRange(visible);
                if (_dispatching)
                {
                    return;
                }
                _dispatching = true;
            }
            _ = Task.Run(() => DispatchHeard(dispatcher));
        });

    /// <summary>Dispatches what was heard, and again what was heard meanwhile, until nothing waits.</summary>
    private void DispatchHeard(IDispatcher dispatcher)
    {
        while (true)
        {
            List<ResourceChange> batch;
            lock (_gate)
            {
                if (_heard.Count == 0)
                {
                    _dispatching = false;
                    return;
                }
                (batch, _heard) = (_heard, []);
            }
            try
            {
                dispatcher.Dispatch(new ResourcesChangedAction(batch));
            }
            catch
            {
                // The store reports its own failures; this is a disposed circuit's. Leave the gate open all the same.
                lock (_gate)
                {
                    _dispatching = false;
                }
                throw;
            }
        }
    }

    /// <summary>
    /// The changes this operator's pages hear of: an Admin every one; anyone else their own tenant's, and those of no
    /// tenant (the system's, e.g. a resync after the backplane returns).
    /// </summary>
    public IReadOnlyList<ResourceChange> Visible(IReadOnlyList<ResourceChange> changes)
    {
        if (@operator.IsAdmin)
        {
            return changes;
        }
        var tenant = @operator.Tenant;
        bool Concerns(ResourceChange change) => string.IsNullOrEmpty(change.Tenant) || change.Tenant == tenant;
        return changes.All(Concerns) ? changes : changes.Where(Concerns).ToList();
    }

    public void Dispose() => _subscription?.Dispose();
}
