using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Jobs.Store;

public static class Reducers
{
    [ReducerMethod]
    public static JobsState ReduceLoad(JobsState state, LoadJobsAction action) => state with { Query = action.Query, IsLoading = true };

    /// <summary>Takes the page of the latest query only; the job in the drawer follows its row when the row is on the page.</summary>
    [ReducerMethod]
    public static JobsState ReduceLoadSucceeded(JobsState state, LoadJobsSucceededAction action) =>
        action.Query != state.Query ? state
            : state with
            {
                Items = [.. action.Page.Items],
                TotalCount = action.Page.TotalCount,
                IsLoading = false,
                ErrorMessage = null,
                Detail = state.Detail is { } open ? action.Page.Items.FirstOrDefault(j => j.Id == open.Id) ?? open : null,
            };

    [ReducerMethod]
    public static JobsState ReduceLoadFailed(JobsState state, LoadJobsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static JobsState ReduceShow(JobsState state, ShowJobAction action) => state with { Detail = action.Job };

    [ReducerMethod(typeof(CloseJobAction))]
    public static JobsState ReduceClose(JobsState state) => state with { Detail = null };
}
