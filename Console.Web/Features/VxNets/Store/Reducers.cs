using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

public static class Reducers
{
    [ReducerMethod]
    public static VxNetsState ReduceLoad(VxNetsState state, LoadVxNetsAction action) => state with { Query = action.Query, IsLoading = true };

    [ReducerMethod]
    public static VxNetsState ReduceLoadSucceeded(VxNetsState state, LoadVxNetsSucceededAction action) =>
        action.Query != state.Query ? state
            : state with { Items = [.. action.Page.Items], TotalCount = action.Page.TotalCount, IsLoading = false, ErrorMessage = null };

    [ReducerMethod]
    public static VxNetsState ReduceLoadFailed(VxNetsState state, LoadVxNetsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };
}
