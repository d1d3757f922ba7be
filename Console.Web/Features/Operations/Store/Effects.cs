using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Operations.Store;

public sealed class Effects(INetworkService network, CurrentOperator @operator, ErrorText errors, ILogger<Effects> logger)
{
    [EffectMethod]
    public async Task HandleLoad(LoadOperationsAction action, IDispatcher dispatcher)
    {
        try
        {
            var page = await network.QueryOperationsAsync(@operator.Context, action.Query);
            dispatcher.Dispatch(page.Succeeded
                ? new LoadOperationsSucceededAction(action.Query, page.Value)
                : new LoadOperationsFailedAction(errors[page.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the operation log failed");
            dispatcher.Dispatch(new LoadOperationsFailedAction(errors[DomainErrors.Internal()]));
        }
    }
}
