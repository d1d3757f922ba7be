using Microsoft.Extensions.Localization;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed class Effects(
    JobQueries jobQueries, RetryJob retryJob,
    CurrentOperator @operator,
    IStringLocalizer<UiText> text,
    CommandRunner commands)
{
    private readonly LatestRead _list = new();

    [EffectMethod]
    public Task HandleLoad(LoadJobsAction action, IDispatcher dispatcher) =>
        _list.RunAsync(() => commands.RunAsync(dispatcher, () => jobQueries.QueryAsync(@operator.Context, action.Query),
            page => new LoadJobsSucceededAction(action.Query, page), error => new LoadJobsFailedAction(error)));

    [EffectMethod]
    public Task HandleRetry(RetryJobAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => retryJob.RunAsync(@operator.Context, action.JobId), accepted => text["Jobs.Retried", accepted.JobId]);
}
