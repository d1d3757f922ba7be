using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Operations.Store;

/// <summary>The list's one read.</summary>
public sealed class OperationsRead(INetworkService network, CurrentOperator @operator, CommandRunner commands) : ListRead<OperationLogEntry, OperationQuery>(commands)
{
    protected override Task<Result<Page<OperationLogEntry>>> ReadAsync(OperationQuery query) => network.QueryOperationsAsync(@operator.Context, query);

    protected override LoadListSucceededAction<OperationLogEntry, OperationQuery> Succeeded(OperationQuery query, Page<OperationLogEntry> page) => new LoadOperationsSucceededAction(query, page);

    protected override LoadListFailedAction<OperationQuery> Failed(string error) => new LoadOperationsFailedAction(error);
}
