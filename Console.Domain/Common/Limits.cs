namespace NicConsole.Domain.Common;

public static class Limits
{
    /// <summary>The longest dotted IPv4 address, 255.255.255.255.</summary>
    public const int IpLength = 15;

    /// <summary>The longest IPv4 CIDR, 255.255.255.255/32.</summary>
    public const int CidrLength = 18;

    /// <summary>The longest search word or filter a list takes.</summary>
    public const int SearchLength = 128;

    public const int NicsPerVxNet = 252;
    public const int NicsPerServer = 64;
    public const int MaxSequence = NicsPerServer - 1;
    public const int NameLength = 64;
    public const int DescriptionLength = 256;
    public const int TenantLength = 64;
    public const int MaxVxNetsPerRequest = 100;
    public const int MaxVpcsPerRequest = 10;
    public const int MaxServersPerRequest = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int ImageIdLength = 64;
    public const int InstanceTypeLength = 32;
}
