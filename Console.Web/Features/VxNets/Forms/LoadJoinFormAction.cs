namespace NicConsole.Web.Features.VxNets.Forms;

public sealed record LoadJoinFormAction;
