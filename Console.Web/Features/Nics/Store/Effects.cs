using Microsoft.Extensions.Localization;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>The NIC list's changes: each intent becomes one use case, and its outcome an action (the list's read is <see cref="NicsRead"/>).</summary>
public sealed class Effects(
    RequestNics requestNics, AttachNics attachNics, DetachNics detachNics, DeleteNics deleteNics, ModifyNic modifyNic,
    CurrentOperator @operator,
    IStringLocalizer<UiText> text,
    CommandRunner commands)
{
    [EffectMethod]
    public Task HandleRequest(RequestNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => requestNics.RunAsync(@operator.Context, action.Request),
            nics => text["Nics.Requested", string.Join(", ", nics.Select(n => n.PrivateIp))]);

    [EffectMethod]
    public Task HandleAttach(AttachNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => attachNics.RunAsync(@operator.Context, action.NicIds, action.InstanceId),
            accepted => text["Nics.Attaching", action.NicIds.Count, action.InstanceId, accepted.JobId]);

    [EffectMethod]
    public Task HandleDetach(DetachNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => detachNics.RunAsync(@operator.Context, action.NicIds),
            accepted => text["Nics.Detaching", action.NicIds.Count, accepted.JobId]);

    [EffectMethod]
    public Task HandleDelete(DeleteNicsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => deleteNics.RunAsync(@operator.Context, action.NicIds),
            deleted => text["Nics.Deleted", deleted.Count]);

    [EffectMethod]
    public Task HandleModify(ModifyNicAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => modifyNic.RunAsync(@operator.Context, action.Request), id => text["Nics.Modified", id]);
}
