using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Operations.Store;

public sealed class Effects(OperationQueries operationQueries, CurrentOperator @operator, CommandRunner commands)
{
    private readonly LatestRead _list = new();

    [EffectMethod]
    public Task HandleLoad(LoadOperationsAction action, IDispatcher dispatcher) =>
        _list.RunAsync(() => commands.RunAsync(dispatcher, () => operationQueries.QueryAsync(@operator.Context, action.Query),
            page => new LoadOperationsSucceededAction(action.Query, page), error => new LoadOperationsFailedAction(error)));
}
