using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Jobs;

public sealed class JobQueries(UseCaseServices services) : Reads(services), IListQueries<JobQuery, Job>
{
    private static readonly Sorting<Job> JobSorting = new Sorting<Job>(j => j.Id, j => j.CreateTime)
        .By("action", j => j.Action).By("status", j => j.Status).By("create_time", j => j.CreateTime)
        .By("status_time", j => j.StatusTime);

    public Task<Result<Page<Job>>> QueryAsync(OperationContext context, JobQuery query, CancellationToken cancellationToken = default) =>
        PageAsync(context, query.Page, JobSorting, db => JobsOf(db, context, query), cancellationToken);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<Job>> Export(OperationContext context, JobQuery query) =>
        Export(context, query.Page, JobSorting, db => JobsOf(db, context, query).Views);

    /// <summary>The jobs <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<Job> Views, IQueryable<object> Matches) JobsOf(ConsoleDbContext db, OperationContext context, JobQuery query)
    {
        var jobs = db.Jobs.AsNoTracking().Where(j => j.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            jobs = jobs.WhereIn(j => j.Id, query.Ids);
        }
        if (query.Statuses.Count > 0)
        {
            jobs = jobs.WhereIn(j => j.Status, query.Statuses);
        }
        if (query.Actions.Count > 0)
        {
            jobs = jobs.WhereIn(j => j.Action, query.Actions);
        }
        if (!string.IsNullOrEmpty(query.ResourceId))
        {
            var pattern = Text.Containing(query.ResourceId);
            jobs = jobs.Where(j => EF.Functions.Like(j.ResourceIds, pattern, Text.LikeEscape));
        }
        if (!string.IsNullOrEmpty(query.Owner))
        {
            jobs = jobs.Where(j => j.Owner == query.Owner);
        }
        if (query.From is { } from)
        {
            jobs = jobs.Where(j => j.CreateTime >= from);
        }
        if (query.To is { } to)
        {
            jobs = jobs.Where(j => j.CreateTime < to);
        }
        return (jobs, jobs);
    }
}
