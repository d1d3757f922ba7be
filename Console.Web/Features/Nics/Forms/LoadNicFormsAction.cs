namespace NicConsole.Web.Features.Nics.Forms;

public sealed record LoadNicFormsAction;
