using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>One page of the VPC list as the operator sees it, the query that produced it, and the selection.</summary>
[FeatureState]
public sealed record VpcsState : ListState<VpcView, VpcQuery>
{
    public VpcsState()
        : base(new VpcQuery())
    {
    }

    public override string IdOf(VpcView item) => item.Id;
}
