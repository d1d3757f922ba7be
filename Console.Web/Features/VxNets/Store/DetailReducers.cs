using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

public static class DetailReducers
{
    [ReducerMethod]
    public static VxNetDetailState ReduceLoad(VxNetDetailState state, LoadVxNetDetailAction action) =>
        action.VxNetId == state.VxNetId ? state with { IsLoading = true } : new VxNetDetailState { VxNetId = action.VxNetId, IsLoading = true };

    /// <summary>Only the open VxNet's answer counts; a VxNet that is gone closes the drawer.</summary>
    [ReducerMethod]
    public static VxNetDetailState ReduceLoaded(VxNetDetailState state, VxNetDetailLoadedAction action)
    {
        if (action.VxNetId != state.VxNetId)
        {
            return state;
        }
        return action.VxNet is null || action.Map is null
            ? new VxNetDetailState()
            : state with { VxNet = action.VxNet, Map = action.Map, IsLoading = false, ErrorMessage = null };
    }

    [ReducerMethod]
    public static VxNetDetailState ReduceLoadFailed(VxNetDetailState state, LoadVxNetDetailFailedAction action) =>
        action.VxNetId != state.VxNetId ? state : state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod(typeof(CloseVxNetDetailAction))]
    public static VxNetDetailState ReduceClose(VxNetDetailState state) => new();
}
