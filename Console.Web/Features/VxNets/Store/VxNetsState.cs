using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>One page of the VxNet list and the query that produced it.</summary>
[FeatureState]
public sealed record VxNetsState : ListState<VxNetView, VxNetQuery>
{
    public VxNetsState()
        : base(new VxNetQuery())
    {
    }

    public override string IdOf(VxNetView item) => item.Id;
}
