using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// Takes pending jobs one at a time: marks one working under this node's lease, lets the data plane apply it while
/// renewing the lease, then settles every resource the job holds: done when it succeeded, undone (with the error
/// kept) when it failed. Several nodes may share one database: a job is taken by one of them only (the claim is one
/// transaction guarded by the job's concurrency token), and only a job whose lease ran out is taken over.
/// </summary>
public sealed class JobRunner(
    ChangeRunner changes,
    IDbContextFactory<ConsoleDbContext> factory,
    IDataPlane dataPlane,
    IOptionsMonitor<JobOptions> options,
    IOptions<NodeOptions> node,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    public const string RestartError = "interrupted by a restart too many times";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private TimeSpan Lease => options.CurrentValue.Lease;

    public string Node => node.Value.Id;

    /// <summary>Runs the oldest pending job, if there is one. Returns false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var claimed = await changes.RunAsync<Job?>(async db =>
        {
            var job = await db.Jobs.Where(j => j.Status == JobStatus.Pending).OrderBy(j => j.CreateTime).FirstOrDefaultAsync(cancellationToken);
            job?.Start(Node, Now, Lease);
            return Result<Job?>.Success(job);
        }, cancellationToken);
        if (!claimed.Succeeded || claimed.Value is not { } job)
        {
            return false;
        }
        var lease = new JobLease(job.Id, Node, job.Attempts);
        string? error;
        using (var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var heartbeat = HoldAsync(lease, holding.Token);
            error = await ApplyAsync(job, cancellationToken);
            await holding.CancelAsync();
            await heartbeat;
        }
        await SettleAsync(lease, error, cancellationToken);
        return true;
    }

    /// <summary>Runs every pending job, including those queued while it runs; for start-up and tests.</summary>
    public async Task RunAllPendingAsync(CancellationToken cancellationToken = default)
    {
        while (await RunNextAsync(cancellationToken))
        {
        }
    }

    /// <summary>
    /// No job stays working without a live node: each one whose lease ran out runs again, or fails once it has had
    /// its tries. <paramref name="afterRestart"/> also takes back the jobs this node id held before it restarted.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken, bool afterRestart = false)
    {
        List<string> working;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            working = await db.Jobs.Where(j => j.Status == JobStatus.Working).Select(j => j.Id).ToListAsync(cancellationToken);
        }
        foreach (var id in working)
        {
            var outcome = await changes.RunAsync<Recovery>(async db =>
            {
                var job = await db.Jobs.SingleAsync(j => j.Id == id, cancellationToken);
                if (!job.LeaseExpired(Now) && !(afterRestart && job.Status == JobStatus.Working && job.Node == Node))
                {
                    return Recovery.StillHeld;
                }
                if (job.Requeue(options.CurrentValue.MaxAttempts, Now))
                {
                    return Recovery.Requeued;
                }
                await JobSettlement.CompleteAsync(db, job, RestartError, Now, cancellationToken);
                return Recovery.Failed;
            }, cancellationToken);
            if (outcome is { Succeeded: true, Value: Recovery.StillHeld })
            {
                continue;
            }
            logger.LogWarning("Job {JobId} was left working by a node that stopped; {Outcome}", id, outcome switch
            {
                { Succeeded: false } => "it is left for the next recovery (busy)",
                { Value: Recovery.Requeued } => "it runs again",
                _ => "it failed",
            });
        }
    }

    private async Task<string?> ApplyAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            await dataPlane.ApplyAsync(new DataPlaneWork(job.Id, job.Action, job.Spec), cancellationToken);
            return null;
        }
        catch (DataPlaneException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the data plane timed out";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The data plane failed on job {JobId}", job.Id);
            return "data plane error: " + ex.Message;
        }
    }

    /// <summary>Renews the lease every third of its length while the job runs, so no other node takes the job over.</summary>
    private async Task HoldAsync(JobLease lease, CancellationToken running)
    {
        var every = Lease / 3;
        while (true)
        {
            try
            {
                await Task.Delay(every, time, running);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var renewed = await changes.RunAsync<bool>(async db =>
                    (await db.Jobs.SingleAsync(j => j.Id == lease.JobId, CancellationToken.None)).Renew(lease, Now, Lease), CancellationToken.None);
                if (renewed is { Succeeded: true, Value: false })
                {
                    logger.LogWarning("Job {JobId} is no longer held by node {Node}; it stops renewing", lease.JobId, lease.Node);
                    return;
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Renewing the lease of job {JobId} failed; trying again", lease.JobId);
            }
        }
    }

    /// <summary>
    /// Records a job's end and settles its resources. It keeps trying through conflicts and transient errors,
    /// because a job must never stay working while the process lives; only shutdown stops it (its lease then runs
    /// out and the job is recovered). A job this lease no longer holds is left to whoever holds it.
    /// </summary>
    private async Task SettleAsync(JobLease lease, string? error, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var settled = await changes.RunAsync<bool>(async db =>
                {
                    var job = await db.Jobs.SingleAsync(j => j.Id == lease.JobId, CancellationToken.None);
                    if (!job.IsHeldBy(lease))
                    {
                        return false;
                    }
                    await JobSettlement.CompleteAsync(db, job, error, Now, CancellationToken.None);
                    return true;
                }, CancellationToken.None);
                if (settled.Succeeded)
                {
                    if (!settled.Value)
                    {
                        logger.LogWarning("Job {JobId} was taken over before node {Node} settled it", lease.JobId, lease.Node);
                    }
                    return;
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Settling job {JobId} failed (attempt {Attempt}); trying again", lease.JobId, attempt);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), time, stopping);
        }
    }

    private enum Recovery
    {
        StillHeld,
        Requeued,
        Failed,
    }
}
