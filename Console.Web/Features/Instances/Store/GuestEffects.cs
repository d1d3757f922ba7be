using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The server page's guest view (read with the server) and its connectivity check.</summary>
public sealed class GuestEffects(GuestQueries guestQueries, CheckConnectivity checkConnectivity, CurrentOperator @operator, CommandRunner commands)
{
    private readonly LatestRead _guest = new();

    [EffectMethod]
    public Task HandleLoad(LoadInstanceAction action, IDispatcher dispatcher) =>
        _guest.RunAsync(() => commands.RunAsync(dispatcher, () => guestQueries.ReadAsync(@operator.Context, action.InstanceId),
            guest => new GuestLoadedAction(action.InstanceId, guest), _ => new GuestLoadedAction(action.InstanceId, null)));

    [EffectMethod]
    public Task HandleLoadConnectivity(LoadConnectivityAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => guestQueries.TargetsAsync(@operator.Context, action.InstanceId),
            targets => new ConnectivityTargetsLoadedAction(action.InstanceId, targets), _ => new ConnectivityTargetsLoadedAction(action.InstanceId, null));

    [EffectMethod]
    public Task HandleCheck(CheckConnectivityAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher,
            () => checkConnectivity.RunAsync(@operator.Context, new CheckConnectivity.Request(action.NicId is null ? action.InstanceId : null, action.Target, action.NicId)),
            result => new ConnectivityCheckedAction(action.InstanceId, result), error => new ConnectivityCheckFailedAction(action.InstanceId, error));
}
