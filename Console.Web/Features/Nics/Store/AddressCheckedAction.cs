using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record AddressCheckedAction(string VxNetId, string? PrivateIp, AddressCheck? Check);
