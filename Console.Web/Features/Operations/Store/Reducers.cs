using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Operations.Store;

public static class Reducers
{
    [ReducerMethod]
    public static OperationsState ReduceShow(OperationsState state, ShowOperationAction action) => state with { Detail = action.Entry };

    [ReducerMethod(typeof(CloseOperationAction))]
    public static OperationsState ReduceClose(OperationsState state) => state with { Detail = null };
}
