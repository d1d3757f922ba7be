using Microsoft.Extensions.Localization;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>The NIC list's only way to the domain: each intent becomes one use case, and its outcome an action.</summary>
public sealed class Effects(
    INetworkService network,
    CurrentOperator @operator,
    ErrorText errors,
    IStringLocalizer<UiText> text,
    CommandRunner commands,
    ILogger<Effects> logger)
{
    [EffectMethod]
    public async Task HandleLoad(LoadNicsAction action, IDispatcher dispatcher)
    {
        try
        {
            var page = await network.QueryNicsAsync(@operator.Context, action.Query);
            dispatcher.Dispatch(page.Succeeded
                ? new LoadNicsSucceededAction(action.Query, page.Value)
                : new LoadNicsFailedAction(errors[page.Error!]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the NIC list failed");
            dispatcher.Dispatch(new LoadNicsFailedAction(errors[DomainErrors.Internal()]));
        }
    }

    [EffectMethod]
    public Task HandleRequest(RequestNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.RequestNicsAsync(@operator.Context, action.Request),
            nics => text["Nics.Requested", string.Join(", ", nics.Select(n => n.PrivateIp))]);

    [EffectMethod]
    public Task HandleAttach(AttachNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.AttachNicsAsync(@operator.Context, action.NicIds, action.InstanceId),
            accepted => text["Nics.Attaching", action.NicIds.Count, action.InstanceId, accepted.JobId]);

    [EffectMethod]
    public Task HandleDetach(DetachNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.DetachNicsAsync(@operator.Context, action.NicIds),
            accepted => text["Nics.Detaching", action.NicIds.Count, accepted.JobId]);

    [EffectMethod]
    public Task HandleDelete(DeleteNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.DeleteNicsAsync(@operator.Context, action.NicIds),
            deleted => text["Nics.Deleted", deleted.Count]);

    [EffectMethod]
    public Task HandleModify(ModifyNicAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => network.ModifyNicAsync(@operator.Context, action.Request), id => text["Nics.Modified", id]);
}
