using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.ApiKeys.Store;

/// <summary>The API key page's only way to <see cref="AccessKeyService"/>; each change is followed by a fresh list.</summary>
public sealed class Effects(AccessKeyService keys, CurrentOperator @operator, ErrorText errors, ILogger<Effects> logger)
{
    [EffectMethod(typeof(LoadApiKeysAction))]
    public Task HandleLoad(IDispatcher dispatcher) =>
        RunAsync(dispatcher, async () => dispatcher.Dispatch(new LoadApiKeysSucceededAction(await keys.ListAsync(@operator.Context))));

    [EffectMethod]
    public Task HandleCreate(CreateApiKeyAction action, IDispatcher dispatcher) => RunAsync(dispatcher, async () =>
    {
        var created = await keys.CreateAsync(@operator.Context, @operator.Context.User, action.Description);
        dispatcher.Dispatch(created.Succeeded ? new ApiKeyCreatedAction(created.Value) : new ApiKeysFailedAction(errors[created.Error!]));
        dispatcher.Dispatch(new LoadApiKeysAction());
    });

    [EffectMethod]
    public Task HandleRevoke(RevokeApiKeyAction action, IDispatcher dispatcher) => RunAsync(dispatcher, async () =>
    {
        var revoked = await keys.RevokeAsync(@operator.Context, action.AccessKeyId);
        dispatcher.Dispatch(revoked.Succeeded ? new ApiKeyRevokedAction(action.AccessKeyId) : new ApiKeysFailedAction(errors[revoked.Error!]));
        dispatcher.Dispatch(new LoadApiKeysAction());
    });

    private async Task RunAsync(IDispatcher dispatcher, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An API key action failed");
            dispatcher.Dispatch(new ApiKeysFailedAction(errors[DomainErrors.Internal()]));
        }
    }
}
