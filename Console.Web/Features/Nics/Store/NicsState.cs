using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>One page of the NIC list as the operator sees it, the query that produced it, and the selection.</summary>
[FeatureState]
public sealed record NicsState : ListState<NicView, NicQuery>
{
    public const int DefaultPageSize = 20;

    public NicsState()
        : base(new NicQuery { Page = new(Limit: DefaultPageSize) })
    {
    }

    public override string IdOf(NicView item) => item.Id;
}
