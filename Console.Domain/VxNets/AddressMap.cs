using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>
/// The 256 addresses of a VxNet's /24 in order, each reserved, used by a NIC, or free; no plan and no cells for a
/// VxNet without a subnet. <paramref name="RequestRefusal"/> says why a free address cannot be requested now.
/// </summary>
public sealed record AddressMap(string VxNetId, AddressPlan? Plan, IReadOnlyList<AddressCell> Cells, DomainError? RequestRefusal)
{
    public int UsedCount => Cells.Count(c => c.Kind == AddressKind.Used);
}
