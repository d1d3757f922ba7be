using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Operations.Store;

public sealed record LoadOperationsSucceededAction(OperationQuery Query, Page<OperationLogEntry> Page) : LoadListSucceededAction<OperationLogEntry, OperationQuery>(Query, Page);
