using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Overview.Store;

public static class Reducers
{
    [ReducerMethod(typeof(LoadOverviewAction))]
    public static OverviewState ReduceLoad(OverviewState state) => state with { IsLoading = true };

    [ReducerMethod]
    public static OverviewState ReduceLoadSucceeded(OverviewState state, LoadOverviewSucceededAction action) =>
        state with { Dashboard = action.Dashboard, IsLoading = false, ErrorMessage = null };

    [ReducerMethod]
    public static OverviewState ReduceLoadFailed(OverviewState state, LoadOverviewFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };
}
