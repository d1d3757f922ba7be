using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

public static class ListReducers
{
    [ReducerMethod]
    public static InstancesState ReduceLoad(InstancesState state, LoadInstancesAction action) => state with { Query = action.Query, IsLoading = true };

    [ReducerMethod]
    public static InstancesState ReduceLoadSucceeded(InstancesState state, LoadInstancesSucceededAction action) =>
        action.Query != state.Query ? state
            : state with
            {
                Items = [.. action.Page.Items], TotalCount = action.Page.TotalCount, IsLoading = false, ErrorMessage = null,
                Selected = state.Selected.Intersect(action.Page.Items.Select(i => i.Id)),
            };

    [ReducerMethod]
    public static InstancesState ReduceSelect(InstancesState state, SelectInstancesAction action) => state with { Selected = [.. action.InstanceIds] };

    [ReducerMethod]
    public static InstancesState ReduceLoadFailed(InstancesState state, LoadInstancesFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };
}
