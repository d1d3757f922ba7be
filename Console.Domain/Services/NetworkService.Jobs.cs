using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    public const string RetryJobAction = "RetryJob";

    public Task<Result<Accepted>> RetryJobAsync(OperationContext context, string jobId, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
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
            if (job.RetryRefusal(Now, stuckJobs.Limit) is { } denied)
            {
                return denied;
            }
            var detail = $"{job.Status.ApiName()} for {(int)job.Age(Now).TotalSeconds} s, attempt {job.Attempts}";
            job.Retry(Now);
            // Logged as accepted with the job's id: the change wakes the job worker, which runs the job again.
            Log(db, context, job.Tenant, RetryJobAction, job.Resources, OperationResult.Accepted, detail, job.Id);
            return new Accepted(job.Id, job.Resources);
        }, cancellationToken);
}
