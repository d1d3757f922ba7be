namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadVxNetDetailFailedAction(string VxNetId, string Error);
