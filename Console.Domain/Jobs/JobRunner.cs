using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// Takes pending jobs one at a time: marks one working, lets the data plane apply it, then settles every
/// resource the job holds: done when it succeeded, undone (with the error kept) when it failed.
/// </summary>
public sealed class JobRunner(
    ChangeRunner changes,
    IDbContextFactory<ConsoleDbContext> factory,
    IDataPlane dataPlane,
    IOptionsMonitor<JobOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    public const string RestartError = "interrupted by a restart too many times";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Runs the oldest pending job, if there is one. Returns false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var claimed = await changes.RunAsync<Job?>(async db =>
        {
            var job = await db.Jobs.Where(j => j.Status == JobStatus.Pending).OrderBy(j => j.CreateTime).FirstOrDefaultAsync(cancellationToken);
            job?.Start(Now);
            return Result<Job?>.Success(job);
        }, cancellationToken);
        if (!claimed.Succeeded || claimed.Value is not { } job)
        {
            return false;
        }
        string? error = null;
        try
        {
            await dataPlane.ApplyAsync(new DataPlaneWork(job.Id, job.Action, job.Resources), cancellationToken);
        }
        catch (DataPlaneException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "the data plane timed out";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The data plane failed on job {JobId}", job.Id);
            error = "data plane error: " + ex.Message;
        }
        await SettleAsync(job.Id, error, cancellationToken);
        return true;
    }

    /// <summary>Runs every pending job, including those queued while it runs; for start-up and tests.</summary>
    public async Task RunAllPendingAsync(CancellationToken cancellationToken = default)
    {
        while (await RunNextAsync(cancellationToken))
        {
        }
    }

    /// <summary>After a restart no job stays working: each runs again, or fails once it has had its tries.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var working = await db.Jobs.Where(j => j.Status == JobStatus.Working).Select(j => j.Id).ToListAsync(cancellationToken);
        foreach (var id in working)
        {
            var requeued = await changes.RunAsync<bool>(async tx =>
            {
                var job = await tx.Jobs.SingleAsync(j => j.Id == id, cancellationToken);
                return job.Status == JobStatus.Working && job.Requeue(options.CurrentValue.MaxAttempts, Now);
            }, cancellationToken);
            if (requeued is { Succeeded: true, Value: false })
            {
                await SettleAsync(id, RestartError, cancellationToken);
            }
            logger.LogWarning("Job {JobId} was left working by a restart; {Outcome}", id, requeued switch
            {
                { Succeeded: false } => "it is left for the next start (busy)",
                { Value: true } => "it runs again",
                _ => "it failed",
            });
        }
    }

    /// <summary>
    /// Records a job's end and settles its resources. It keeps trying through conflicts and transient errors,
    /// because a job must never stay working while the process lives; only shutdown stops it (the next start
    /// then recovers the job).
    /// </summary>
    private async Task SettleAsync(string jobId, string? error, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if ((await CompleteAsync(jobId, error, CancellationToken.None)).Succeeded)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Settling job {JobId} failed (attempt {Attempt}); trying again", jobId, attempt);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), time, stopping);
        }
    }

    private Task<Result<bool>> CompleteAsync(string jobId, string? error, CancellationToken cancellationToken) =>
        changes.RunAsync<bool>(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (job.Status != JobStatus.Working)
            {
                return false;
            }
            var ok = error is null;
            foreach (var vpc in await db.Vpcs.Where(v => v.JobId == jobId).ToListAsync(cancellationToken))
            {
                vpc.Complete(ok, Now);
            }
            foreach (var vxnet in await db.VxNets.Where(x => x.JobId == jobId).ToListAsync(cancellationToken))
            {
                vxnet.Complete(ok, Now);
            }
            foreach (var instance in await db.Instances.Where(i => i.JobId == jobId).ToListAsync(cancellationToken))
            {
                instance.Complete(ok, Now);
            }
            var nics = await db.Nics.Where(n => n.JobId == jobId).ToListAsync(cancellationToken);
            foreach (var nic in nics)
            {
                if (GoesWithServer(job.Action, nic, ok))
                {
                    db.Nics.Remove(nic);
                }
                else
                {
                    nic.Complete(ok, error, Now);
                }
            }
            job.Finish(error, Now);
            // The end names the NICs the job settled too, so each NIC's timeline and open detail hear of it.
            db.OperationLog.Add(new OperationLogEntry(job.Owner, job.Zone, job.Action.ToString(), job.Resources.Union(nics.Select(n => n.Id)),
                ok ? OperationResult.Succeeded : OperationResult.Failed, error ?? "", job.Id, Now));
            return true;
        }, cancellationToken);

    /// <summary>NICs made for a server that never came up, and the primary NIC of a terminated server, are removed.</summary>
    private static bool GoesWithServer(JobAction action, Nic nic, bool succeeded) => (action, succeeded) switch
    {
        (JobAction.RunInstances, false) => true,
        (JobAction.TerminateInstances, true) => nic.IsPrimary,
        _ => false,
    };
}
