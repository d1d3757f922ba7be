using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>Whether an address can be given to a new NIC in a VxNet (null refusal when it can), and the next free ones.</summary>
public sealed record AddressCheck(DomainError? Refusal, IReadOnlyList<IpAddress> NextFree);
