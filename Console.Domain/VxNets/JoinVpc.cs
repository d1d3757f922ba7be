namespace NicConsole.Domain.VxNets;

/// <summary>Join a VxNet to a VPC with a /24; gateway and DHCP range default to .1 and .2-.254.</summary>
public sealed record JoinVpc(
    string VxNetId,
    string VpcId,
    string IpNetwork,
    string? ManagerIp = null,
    string? DynIpStart = null,
    string? DynIpEnd = null,
    int Features = VxNet.DefaultFeatures);
