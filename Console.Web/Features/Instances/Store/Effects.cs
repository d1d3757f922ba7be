using NicConsole.Domain.Instances;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Instances.Store;

public sealed class Effects(INetworkService network, CurrentOperator @operator, ErrorText errors, ILogger<Effects> logger)
{
    [EffectMethod]
    public async Task HandleLoad(LoadInstanceAction action, IDispatcher dispatcher)
    {
        try
        {
            var page = await network.QueryInstancesAsync(@operator.Context, new InstanceQuery { Ids = [action.InstanceId] });
            dispatcher.Dispatch(page.Succeeded
                ? new InstanceLoadedAction(action.InstanceId, page.Value.Items.SingleOrDefault())
                : new LoadInstanceFailedAction(action.InstanceId, errors[page.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading server {InstanceId} failed", action.InstanceId);
            dispatcher.Dispatch(new LoadInstanceFailedAction(action.InstanceId, errors[DomainErrors.Internal()]));
        }
    }
}
