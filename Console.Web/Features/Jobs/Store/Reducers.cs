using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Jobs.Store;

public static class Reducers
{
    /// <summary>The job in the drawer follows its row when the row is on the page of the latest query (the list reducer takes the page).</summary>
    [ReducerMethod]
    public static JobsState ReduceLoadSucceeded(JobsState state, LoadJobsSucceededAction action) =>
        action.Query != state.Query ? state
            : state with { Detail = state.Detail is { } open ? action.Page.Items.FirstOrDefault(j => j.Id == open.Id) ?? open : null };

    [ReducerMethod]
    public static JobsState ReduceShow(JobsState state, ShowJobAction action) => state with { Detail = action.Job };

    [ReducerMethod(typeof(CloseJobAction))]
    public static JobsState ReduceClose(JobsState state) => state with { Detail = null };
}
