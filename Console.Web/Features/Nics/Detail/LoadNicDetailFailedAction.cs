namespace NicConsole.Web.Features.Nics.Detail;

public sealed record LoadNicDetailFailedAction(string NicId, string Error);
