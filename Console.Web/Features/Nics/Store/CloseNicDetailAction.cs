namespace NicConsole.Web.Features.Nics.Store;

public sealed record CloseNicDetailAction;
