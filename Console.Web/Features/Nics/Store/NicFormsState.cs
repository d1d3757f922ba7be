using System.Collections.Immutable;
using NicConsole.Domain.Instances;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>What the request and attach dialogs (and the guide) offer: VxNets that take NICs, running servers, and the address being typed.</summary>
[FeatureState]
public sealed record NicFormsState
{
    public NicFormsState()
    {
    }

    public ImmutableList<VxNetView> VxNets { get; init; } = [];
    public ImmutableList<InstanceView> Servers { get; init; } = [];

    /// <summary>The basic network (vxnet-0), where a server outside any VPC gets its eth0.</summary>
    public VxNetView? BasicNetwork { get; init; }
    public string? CheckedVxNetId { get; init; }
    public string? CheckedIp { get; init; }
    public AddressCheck? AddressCheck { get; init; }

    /// <summary>The answer for this VxNet and address (null: automatic), once it has come.</summary>
    public AddressCheck? CheckOf(string? vxnetId, string? ip) =>
        vxnetId is not null && CheckedVxNetId == vxnetId && CheckedIp == ip ? AddressCheck : null;

    /// <summary>Whether the domain would give <paramref name="ip"/> in this VxNet to a new NIC.</summary>
    public bool Accepts(string? vxnetId, string? ip) => !string.IsNullOrEmpty(ip) && CheckOf(vxnetId, ip) is { Refusal: null };
}
