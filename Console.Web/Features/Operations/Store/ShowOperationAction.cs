using NicConsole.Domain.Operations;

namespace NicConsole.Web.Features.Operations.Store;

public sealed record ShowOperationAction(OperationLogEntry Entry);
