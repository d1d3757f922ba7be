using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>
/// The addresses of a VxNet's /24: the network (.0), the gateway (default .1), the platform's DHCP and
/// metadata address (.254) and the broadcast (.255) are never assigned, which leaves 252.
/// </summary>
public sealed record AddressPlan(Cidr Subnet, IpAddress Gateway)
{
    public const int PlatformOffset = 254;

    public static AddressPlan For(Cidr subnet) => new(subnet, subnet.Host(1));

    public IpAddress Platform => Subnet.Host(PlatformOffset);

    public AddressRole RoleOf(IpAddress address)
    {
        if (!Subnet.Contains(address))
        {
            return AddressRole.Outside;
        }
        if (address == Subnet.First)
        {
            return AddressRole.Network;
        }
        if (address == Gateway)
        {
            return AddressRole.Gateway;
        }
        if (address == Platform)
        {
            return AddressRole.Platform;
        }
        return address == Subnet.Broadcast ? AddressRole.Broadcast : AddressRole.Assignable;
    }

    public IEnumerable<IpAddress> Assignable() =>
        Enumerable.Range(0, 256).Select(Subnet.Host).Where(a => RoleOf(a) == AddressRole.Assignable);

    /// <summary>The lowest <paramref name="count"/> assignable addresses not in <paramref name="used"/>.</summary>
    public IReadOnlyList<IpAddress> LowestFree(IReadOnlySet<IpAddress> used, int count) =>
        Assignable().Where(a => !used.Contains(a)).Take(count).ToList();

    /// <summary>Why <paramref name="address"/> cannot be given to a new NIC, or null when it can.</summary>
    public DomainError? Refusal(IpAddress address, string vxNetId, IReadOnlySet<IpAddress> used) => RoleOf(address) switch
    {
        AddressRole.Outside => DomainErrors.IpOutsideSubnet(address, Subnet),
        AddressRole.Assignable when used.Contains(address) => DomainErrors.IpInUse(address, vxNetId),
        AddressRole.Assignable => null,
        var role => DomainErrors.IpReserved(address, role),
    };
}
