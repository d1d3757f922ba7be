using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

public static class DetailReducers
{
    [ReducerMethod]
    public static InstanceDetailState ReduceLoad(InstanceDetailState state, LoadInstanceAction action) =>
        action.InstanceId == state.InstanceId ? state with { IsLoading = true } : new InstanceDetailState { InstanceId = action.InstanceId, IsLoading = true };

    [ReducerMethod]
    public static InstanceDetailState ReduceLoaded(InstanceDetailState state, InstanceLoadedAction action) =>
        action.InstanceId != state.InstanceId ? state
            : state with { Instance = action.Instance, NotFound = action.Instance is null, IsLoading = false, ErrorMessage = null };

    [ReducerMethod]
    public static InstanceDetailState ReduceFailed(InstanceDetailState state, LoadInstanceFailedAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static InstanceDetailState ReduceGuest(InstanceDetailState state, GuestLoadedAction action) =>
        action.InstanceId != state.InstanceId ? state : state with { Guest = action.Guest };
}
