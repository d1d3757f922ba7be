namespace NicConsole.Web.Features.VxNets.Detail;

public sealed record LoadVxNetDetailFailedAction(string VxNetId, string Error);
