namespace NicConsole.Web.Features.Nics.Store;

/// <summary>Check an address being typed; <paramref name="Primary"/> for a new server's eth0, which may be in the basic network.</summary>
public sealed record CheckAddressAction(string VxNetId, string? PrivateIp, bool Primary = false);
