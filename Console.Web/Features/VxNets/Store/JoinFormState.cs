using System.Collections.Immutable;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>The join form (dialog and guide): the VPCs to choose from, and the answer to the request as typed so far.</summary>
[FeatureState]
public sealed record JoinFormState
{
    public JoinFormState()
    {
    }

    public ImmutableList<VpcView> Vpcs { get; init; } = [];
    public JoinVpc.Request? Checked { get; init; }
    public AddressPlan? Plan { get; init; }
    public DomainError? Refusal { get; init; }

    /// <summary>Whether <paramref name="request"/> is what was checked last and the domain would accept it.</summary>
    public bool Accepts(JoinVpc.Request? request) => request is not null && request == Checked && Plan is not null;
}
