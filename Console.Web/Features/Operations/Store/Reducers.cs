using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Operations.Store;

public static class Reducers
{
    [ReducerMethod]
    public static OperationsState ReduceLoad(OperationsState state, LoadOperationsAction action) => state with { Query = action.Query, IsLoading = true };

    [ReducerMethod]
    public static OperationsState ReduceLoadSucceeded(OperationsState state, LoadOperationsSucceededAction action) =>
        action.Query != state.Query ? state
            : state with { Items = [.. action.Page.Items], TotalCount = action.Page.TotalCount, IsLoading = false, ErrorMessage = null };

    [ReducerMethod]
    public static OperationsState ReduceLoadFailed(OperationsState state, LoadOperationsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static OperationsState ReduceShow(OperationsState state, ShowOperationAction action) => state with { Detail = action.Entry };

    [ReducerMethod(typeof(CloseOperationAction))]
    public static OperationsState ReduceClose(OperationsState state) => state with { Detail = null };
}
