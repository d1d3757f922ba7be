using Microsoft.Extensions.Localization;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed class Effects(CreateVxNets createVxNets, JoinVpc joinVpc, LeaveVpc leaveVpc, DeleteVxNets deleteVxNets, CurrentOperator @operator, IStringLocalizer<UiText> text, CommandRunner commands)
{
    [EffectMethod]
    public Task HandleCreate(CreateVxNetsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => createVxNets.RunAsync(@operator.Context, action.Name, count: action.Count),
            ids => text["VxNets.Created", string.Join(", ", ids)]);

    [EffectMethod]
    public Task HandleJoin(JoinVpcAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => joinVpc.RunAsync(@operator.Context, action.Request),
            accepted => text["VxNets.Joining", action.Request.VxNetId, action.Request.VpcId, accepted.JobId]);

    [EffectMethod]
    public Task HandleLeave(LeaveVpcAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => leaveVpc.RunAsync(@operator.Context, action.VpcId, [action.VxNetId]),
            accepted => text["VxNets.Leaving", action.VxNetId, accepted.JobId]);

    [EffectMethod]
    public Task HandleDelete(DeleteVxNetsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => deleteVxNets.RunAsync(@operator.Context, action.VxNetIds),
            ids => text["VxNets.Deleted", ids.Count]);
}
