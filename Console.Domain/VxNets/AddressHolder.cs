using NicConsole.Domain.Common;
using NicConsole.Domain.Nics;

namespace NicConsole.Domain.VxNets;

/// <summary>The NIC that holds an address, and the server it is attached to (with its ethN), if any.</summary>
public sealed record AddressHolder(string NicId, string NicName, NicStatus Status, Transition Transition, string? InstanceId, string? InstanceName, int? Sequence)
{
    /// <summary>An address another tenant's NIC holds (in the shared vxnet-0): used, with nothing that names the NIC or its server.</summary>
    public static AddressHolder OtherTenant(NicStatus status) => new("", "", status, Transition.None, null, null, null);

    public bool IsOtherTenant => NicId.Length == 0;
}
