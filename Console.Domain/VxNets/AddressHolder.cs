using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;

namespace NicConsole.Domain.VxNets;

/// <summary>The NIC that holds an address, and the server it is attached to (with its ethN), if any.</summary>
public sealed record AddressHolder(string NicId, string NicName, NicStatus Status, Transition Transition, string? InstanceId, string? InstanceName, int? Sequence);
