using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Shared;

/// <summary>How an effect runs a use case, an operator's change or a page's read: the use case, then one action that tells the page how it ended.</summary>
public sealed class CommandRunner(ErrorText errors, ILogger<CommandRunner> logger)
{
    /// <summary>Success and refusals become actions; an unexpected exception is logged and shown as an internal error.</summary>
    public Task RunAsync<T>(IDispatcher dispatcher, Func<Task<Result<T>>> useCase, Func<T, string> success) =>
        RunAsync(dispatcher, useCase, value => new CommandSucceededAction(success(value)), message => new CommandFailedAction(message));

    /// <summary>
    /// The same, with the caller's own actions: one that carries what the use case returned (e.g. the new ids), or
    /// one that carries the refusal's message in the operator's language.
    /// </summary>
    public async Task RunAsync<T>(IDispatcher dispatcher, Func<Task<Result<T>>> useCase, Func<T, object> succeeded, Func<string, object> failed)
    {
        try
        {
            var result = await useCase();
            dispatcher.Dispatch(result.Succeeded ? succeeded(result.Value) : failed(errors[result.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A console use case failed");
            dispatcher.Dispatch(failed(errors[DomainErrors.Internal()]));
        }
    }
}
