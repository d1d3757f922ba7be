namespace NicConsole.Domain.VxNets;

/// <summary>New DHCP settings for a VxNet in a VPC; null keeps the current value.</summary>
public sealed record DhcpChange(string VxNetId, int? Features = null, string? DynIpStart = null, string? DynIpEnd = null);
