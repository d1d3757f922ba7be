using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>One page of the server list and the query that produced it.</summary>
[FeatureState]
public sealed record InstancesState : ListState<InstanceView, InstanceQuery>
{
    public InstancesState()
        : base(new InstanceQuery())
    {
    }

    public override string IdOf(InstanceView item) => item.Id;
}
