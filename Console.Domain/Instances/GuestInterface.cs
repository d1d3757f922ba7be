using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Instances;

/// <summary>
/// One NIC as the guest OS sees it: <c>ethN</c> with the NIC's MAC and address in its /24, its MTU (less than 1500 on
/// a host whose VxNets cross hosts: room for the VXLAN header) and, read from the kernel, whether it is up.
/// </summary>
public sealed record GuestInterface(string Name, string HardwareAddress, IpAddress Address, Cidr Subnet, IpAddress? Gateway, bool Up = true,
    int Mtu = GuestInterface.EthernetMtu)
{
    public const int EthernetMtu = 1500;

    public IpAddress Broadcast => Subnet.Broadcast;

    public IpAddress Mask => Subnet.Mask;
}
