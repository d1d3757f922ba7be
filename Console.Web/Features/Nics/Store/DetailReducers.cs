using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

public static class DetailReducers
{
    [ReducerMethod]
    public static NicDetailState ReduceLoad(NicDetailState state, LoadNicDetailAction action) =>
        action.NicId == state.NicId ? state with { IsLoading = true } : new NicDetailState { NicId = action.NicId, IsLoading = true };

    /// <summary>Only the open NIC's answer counts; a NIC that is gone closes the drawer.</summary>
    [ReducerMethod]
    public static NicDetailState ReduceLoaded(NicDetailState state, NicDetailLoadedAction action)
    {
        if (action.NicId != state.NicId)
        {
            return state;
        }
        return action.Nic is null || action.Timeline is null ? new NicDetailState() : state with
        {
            Nic = action.Nic,
            Timeline = [.. action.Timeline.Entries],
            TimelineTruncated = action.Timeline.Truncated,
            IsLoading = false,
            ErrorMessage = null,
        };
    }

    [ReducerMethod]
    public static NicDetailState ReduceLoadFailed(NicDetailState state, LoadNicDetailFailedAction action) =>
        action.NicId != state.NicId ? state : state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod(typeof(CloseNicDetailAction))]
    public static NicDetailState ReduceClose(NicDetailState state) => new();
}
