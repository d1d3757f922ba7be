using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Operations.Store;

public sealed class OperationsReducer : ListReducer<OperationsState, OperationLogEntry, OperationQuery>;
