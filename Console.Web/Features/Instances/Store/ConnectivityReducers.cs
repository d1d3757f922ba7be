using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

public static class ConnectivityReducers
{
    [ReducerMethod]
    public static ConnectivityState ReduceLoad(ConnectivityState state, LoadConnectivityAction action) =>
        action.InstanceId == state.InstanceId && action.NicId == state.NicId ? state : new ConnectivityState { InstanceId = action.InstanceId, NicId = action.NicId };

    [ReducerMethod]
    public static ConnectivityState ReduceTargets(ConnectivityState state, ConnectivityTargetsLoadedAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { Targets = action.Targets };

    [ReducerMethod]
    public static ConnectivityState ReduceCheck(ConnectivityState state, CheckConnectivityAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { IsRunning = true, Result = null, ErrorMessage = null };

    [ReducerMethod]
    public static ConnectivityState ReduceChecked(ConnectivityState state, ConnectivityCheckedAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { IsRunning = false, Result = action.Result, ErrorMessage = null };

    [ReducerMethod]
    public static ConnectivityState ReduceFailed(ConnectivityState state, ConnectivityCheckFailedAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { IsRunning = false, Result = null, ErrorMessage = action.Error };
}
