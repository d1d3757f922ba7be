using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Overview.Store;

public sealed class Effects(DashboardQueries dashboardQueries, CurrentOperator @operator, CommandRunner commands)
{
    private readonly LatestRead _dashboard = new();

    [EffectMethod(typeof(LoadOverviewAction))]
    public Task HandleLoad(IDispatcher dispatcher) =>
        _dashboard.RunAsync(() => commands.RunAsync(dispatcher, () => dashboardQueries.GetAsync(@operator.Context),
            dashboard => new LoadOverviewSucceededAction(dashboard), error => new LoadOverviewFailedAction(error)));
}
