using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Jobs.Store;

/// <summary>One page of the job list, the query that produced it, and the job open in the detail drawer.</summary>
[FeatureState]
public sealed record JobsState : ListState<Job, JobQuery>
{
    public JobsState()
        : base(new JobQuery())
    {
    }

    public Job? Detail { get; init; }

    public override string IdOf(Job item) => item.Id;
}
