namespace NicConsole.Web.Features.Nics.Store;

public sealed record LoadNicDetailFailedAction(string NicId, string Error);
