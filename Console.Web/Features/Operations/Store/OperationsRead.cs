using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Operations.Store;

/// <summary>The list's one read.</summary>
public sealed class OperationsRead(OperationQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<OperationLogEntry, OperationQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<OperationLogEntry, OperationQuery> Succeeded(OperationQuery query, Page<OperationLogEntry> page) => new LoadOperationsSucceededAction(query, page);

    protected override LoadListFailedAction<OperationQuery> Failed(string error) => new LoadOperationsFailedAction(error);
}
