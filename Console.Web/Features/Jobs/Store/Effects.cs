using Microsoft.Extensions.Localization;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed class Effects(
    INetworkService network,
    CurrentOperator @operator,
    ErrorText errors,
    IStringLocalizer<UiText> text,
    CommandRunner commands,
    ILogger<Effects> logger)
{
    [EffectMethod]
    public async Task HandleLoad(LoadJobsAction action, IDispatcher dispatcher)
    {
        try
        {
            var page = await network.QueryJobsAsync(@operator.Context, action.Query);
            dispatcher.Dispatch(page.Succeeded ? new LoadJobsSucceededAction(action.Query, page.Value) : new LoadJobsFailedAction(errors[page.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the job list failed");
            dispatcher.Dispatch(new LoadJobsFailedAction(errors[DomainErrors.Internal()]));
        }
    }

    [EffectMethod]
    public Task HandleRetry(RetryJobAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.RetryJobAsync(@operator.Context, action.JobId), accepted => text["Jobs.Retried", accepted.JobId]);
}
