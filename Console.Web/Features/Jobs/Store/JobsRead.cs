using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Jobs.Store;

/// <summary>The list's one read.</summary>
public sealed class JobsRead(JobQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<Job, JobQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<Job, JobQuery> Succeeded(JobQuery query, Page<Job> page) => new LoadJobsSucceededAction(query, page);

    protected override LoadListFailedAction<JobQuery> Failed(string error) => new LoadJobsFailedAction(error);
}
