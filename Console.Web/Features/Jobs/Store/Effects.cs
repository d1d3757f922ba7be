using Microsoft.Extensions.Localization;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed class Effects(
    RetryJob retryJob,
    CurrentOperator @operator,
    IStringLocalizer<UiText> text,
    CommandRunner commands)
{
    [EffectMethod]
    public Task HandleRetry(RetryJobAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => retryJob.RunAsync(@operator.Context, action.JobId), accepted => text["Jobs.Retried", accepted.JobId]);
}
