namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadVxNetsFailedAction(string Error);
