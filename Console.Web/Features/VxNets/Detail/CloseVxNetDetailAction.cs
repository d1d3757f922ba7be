namespace NicConsole.Web.Features.VxNets.Detail;

public sealed record CloseVxNetDetailAction;
