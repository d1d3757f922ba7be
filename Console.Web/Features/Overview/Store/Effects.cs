using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Overview.Store;

public sealed class Effects(INetworkService network, CurrentOperator @operator, ErrorText errors, ILogger<Effects> logger)
{
    [EffectMethod(typeof(LoadOverviewAction))]
    public async Task HandleLoad(IDispatcher dispatcher)
    {
        try
        {
            var dashboard = await network.GetDashboardAsync(@operator.Context);
            dispatcher.Dispatch(dashboard.Succeeded
                ? new LoadOverviewSucceededAction(dashboard.Value)
                : new LoadOverviewFailedAction(errors[dashboard.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the dashboard failed");
            dispatcher.Dispatch(new LoadOverviewFailedAction(errors[DomainErrors.Internal()]));
        }
    }
}
