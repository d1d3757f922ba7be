namespace NicConsole.Web.Features.Nics.Detail;

public sealed record CloseNicDetailAction;
