namespace NicConsole.Web.Features.Operations.Store;

public sealed record CloseOperationAction;
