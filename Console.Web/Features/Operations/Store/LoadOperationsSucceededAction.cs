using NicConsole.Domain.Operations;

namespace NicConsole.Web.Features.Operations.Store;

public sealed record LoadOperationsSucceededAction(OperationQuery Query, Page<OperationLogEntry> Page);
