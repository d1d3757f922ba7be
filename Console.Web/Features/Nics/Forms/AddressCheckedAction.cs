using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Nics.Forms;

public sealed record AddressCheckedAction(string VxNetId, string? PrivateIp, AddressCheck? Check);
