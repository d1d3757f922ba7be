using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Operations.Store;

public sealed record LoadOperationsFailedAction(string Error) : LoadListFailedAction<OperationQuery>(Error);
