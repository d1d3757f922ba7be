using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// A job pending longer than <c>Jobs:StuckAfterSeconds</c>, or working with its lease run out (its node stopped), goes
/// back to the queue for a worker to run again; any other job is refused (<see cref="JobRules.RetryRefusal"/>).
/// </summary>
public sealed class RetryJob(UseCaseServices services) : UseCase(services)
{
    /// <summary>The operation log's action for a retry.</summary>
    public const string LogAction = "RetryJob";

    public Task<Result<Accepted>> RunAsync(OperationContext context, string jobId, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if (ZoneRefusal(context) is { } refusal)
            {
                return refusal;
            }
            var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
            if (job is null)
            {
                return DomainErrors.JobNotFound(jobId);
            }
            if (job.Zone != context.Zone)
            {
                return DomainErrors.DifferentZone(jobId, job.Zone, context.Zone);
            }
            if (job.RetryRefusal(Now, Services.StuckJobs.Limit) is { } denied)
            {
                return denied;
            }
            var detail = $"{job.Status.ApiName()} for {(int)job.Age(Now).TotalSeconds} s, attempt {job.Attempts}";
            job.Retry(Now);
            // Logged as accepted with the job's id: the change wakes the job worker, which runs the job again.
            Log(db, context, job.Tenant, LogAction, job.Resources, OperationResult.Accepted, detail, job.Id);
            return new Accepted(job.Id, job.Resources);
        }, cancellationToken);
}
