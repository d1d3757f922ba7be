using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Overview.Store;

/// <summary>
/// Reads the dashboard whole, or brings the one shown up to date with the changes heard since. Changes heard while a
/// read runs wait; the next read takes all that wait, so none is skipped however the reads are dropped.
/// </summary>
public sealed class Effects(DashboardQueries dashboardQueries, CurrentOperator @operator, CommandRunner commands)
{
    private readonly LatestRead _dashboard = new();
    private readonly Lock _gate = new();
    private List<ResourceChange> _unread = [];

    /// <summary>The dashboard as this circuit last read it: what changes are counted onto.</summary>
    private DashboardView? _shown;

    [EffectMethod(typeof(LoadOverviewAction))]
    public Task HandleLoad(IDispatcher dispatcher) => _dashboard.RunAsync(() => ReadAsync(dispatcher, whole: true));

    [EffectMethod]
    public Task HandleRefresh(RefreshOverviewAction action, IDispatcher dispatcher)
    {
        lock (_gate)
        {
            _unread.AddRange(action.Changes);
        }
        return _dashboard.RunAsync(() => ReadAsync(dispatcher, whole: false));
    }

    /// <summary>A whole read counts every change heard before it: those waiting are dropped.</summary>
    private Task ReadAsync(IDispatcher dispatcher, bool whole)
    {
        List<ResourceChange> changes;
        lock (_gate)
        {
            (changes, _unread) = (_unread, []);
        }
        var shown = _shown;
        if (!whole && changes.Count == 0)
        {
            return Task.CompletedTask;
        }
        return commands.RunAsync(dispatcher,
            () => whole || shown is null ? dashboardQueries.GetAsync(@operator.Context) : dashboardQueries.RefreshAsync(@operator.Context, shown, changes),
            dashboard =>
            {
                _shown = dashboard;
                return new LoadOverviewSucceededAction(dashboard);
            },
            error => new LoadOverviewFailedAction(error));
    }
}
