namespace NicConsole.Domain.VxNets;

/// <summary>One address of a /24: its role in the plan and, when a NIC holds it, that NIC.</summary>
public sealed record AddressCell(IpAddress Address, AddressRole Role, AddressHolder? Holder)
{
    public AddressKind Kind => Holder is not null ? AddressKind.Used : Role switch
    {
        AddressRole.Network => AddressKind.Network,
        AddressRole.Gateway => AddressKind.Gateway,
        AddressRole.Platform => AddressKind.Platform,
        AddressRole.Broadcast => AddressKind.Broadcast,
        _ => AddressKind.Free,
    };
}
