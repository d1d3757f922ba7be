namespace NicConsole.Web.Features.Nics.Forms;

public sealed record CheckAddressAction(string VxNetId, string? PrivateIp);
