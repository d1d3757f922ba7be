using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.Telemetry;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// Takes pending jobs one at a time: marks one working under this node's lease, lets the data plane apply it while
/// renewing the lease (the call stops when the lease is lost or <c>DataPlane:TimeoutSeconds</c> passes), then settles
/// every resource the job holds: done when it succeeded, undone (with the error kept) when it failed. Several nodes may share one database: a job is taken by one of them only (the claim is one UPDATE
/// that takes it only while it is pending), and only a job whose lease ran out is taken over. A job's span continues the
/// trace of the request that accepted it, and the data plane's span is its child.
/// </summary>
public sealed class JobRunner(
    ChangeRunner changes,
    IDbContextFactory<ConsoleDbContext> factory,
    IDataPlane dataPlane,
    IOptionsMonitor<JobOptions> options,
    IOptionsMonitor<DataPlaneOptions> dataPlaneOptions,
    IOptions<NodeOptions> node,
    Hosts.AgentApplies agents,
    Hosts.HostDirectory directory,
    TimeProvider time,
    DomainMetrics metrics,
    ILogger<JobRunner> logger)
{
    public const string RestartError = "interrupted by a restart too many times";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private TimeSpan Lease => options.CurrentValue.Lease;

    public string Node => node.Value.Id;

    /// <summary>Runs the oldest pending job, if there is one. Returns false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        if (await ClaimAsync(cancellationToken) is not { } job)
        {
            return false;
        }
        var lease = new JobLease(job.Id, Node, job.Attempts);
        metrics.JobTaken(job.Action, job.StatusTime - job.CreateTime);
        using var span = ConsoleTelemetry.Source.StartActivity("job " + job.Action, ActivityKind.Consumer, ConsoleTelemetry.Parent(job.TraceParent));
        span?.SetTag("job.action", job.Action.ToString());
        span?.SetTag("job.id", job.Id);
        var started = Stopwatch.GetTimestamp();
        string? error;
        using (var leaseLost = new CancellationTokenSource())
        using (var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var heartbeat = HoldAsync(lease, job.LeaseUntil!.Value, leaseLost, holding.Token);
            error = await ApplyAsync(job, leaseLost.Token, cancellationToken);
            await holding.CancelAsync();
            await heartbeat;
            if (leaseLost.IsCancellationRequested)
            {
                logger.LogWarning("Node {Node} lost the lease of job {JobId} while the data plane ran it; it leaves the job to the node that holds it, or to recovery",
                    lease.Node, lease.JobId);
                return true;
            }
        }
        await SettleAsync(lease, error, cancellationToken);
        metrics.JobSettled(job.Action, error is null, Stopwatch.GetElapsedTime(started));
        if (error is not null)
        {
            span?.SetStatus(ActivityStatusCode.Error, error);
        }
        return true;
    }

    /// <summary>
    /// Takes the oldest pending job, or null when none waits. It reads first, so an idle node writes nothing and takes
    /// no write lock; then one UPDATE takes the job only if it is still pending, so of several workers (of any node)
    /// that read the same job exactly one has it, and the others read again.
    /// </summary>
    private async Task<Job?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var candidate = await db.Jobs.IgnoreQueryFilters().Where(j => j.Status == JobStatus.Pending)
                .OrderBy(j => j.CreateTime).Select(j => j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
            {
                return null;
            }
            var now = Now;
            var taken = await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == candidate && j.Status == JobStatus.Pending)
                .ExecuteUpdateAsync(set => Job.Starting(set, Node, now, Lease), cancellationToken);
            if (taken == 1)
            {
                return await db.Jobs.IgnoreQueryFilters().AsNoTracking().SingleAsync(j => j.Id == candidate, cancellationToken);
            }
        }
        return null;
    }

    private const int ClaimAttempts = 10;

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
            if (outcome.Succeeded)
            {
                metrics.LeaseTakenOver(outcome.Value == Recovery.Requeued);
            }
            logger.LogWarning("Job {JobId} was left working by a node that stopped; {Outcome}", id, outcome switch
            {
                { Succeeded: false } => "it is left for the next recovery (busy)",
                { Value: Recovery.Requeued } => "it runs again",
                _ => "it failed",
            });
        }
    }

    /// <summary>The job's error when the data plane does not answer within <c>DataPlane:TimeoutSeconds</c>.</summary>
    public static string TimeoutError(TimeSpan limit) => $"the data plane did not answer within {(int)limit.TotalSeconds} s (DataPlane:TimeoutSeconds)";

    /// <summary>
    /// Lets the data plane apply the job, within <c>DataPlane:TimeoutSeconds</c>, and returns the job's error (null when
    /// it succeeded). A real change must not go on once this node no longer holds the job, so the call is cancelled when
    /// the lease is lost (its caller then leaves the job alone) and at shutdown (the job is then recovered).
    /// </summary>
    private async Task<string?> ApplyAsync(Job job, CancellationToken leaseHeld, CancellationToken stopping)
    {
        using var span = ConsoleTelemetry.Source.StartActivity("dataplane " + job.Action);
        span?.SetTag("dataplane.operation", job.Action.ToString());
        var started = Stopwatch.GetTimestamp();
        var (outcome, error) = await CallAsync(job, leaseHeld, stopping);
        metrics.DataPlaneOperation(job.Action.ToString(), outcome, Stopwatch.GetElapsedTime(started));
        span?.SetTag("dataplane.outcome", outcome);
        if (error is not null)
        {
            span?.SetStatus(ActivityStatusCode.Error, error);
        }
        return error;
    }

    /// <summary>
    /// The part of a job this node's own data plane makes real: its host's servers and NICs (<paramref name="remote"/>
    /// are other hosts'), and the routers when its host is the router host. What is on other hosts is their agents' to
    /// make, from the desired state.
    /// </summary>
    private async Task<DataPlaneSpec> LocalPartAsync(DataPlaneSpec spec, IReadOnlyDictionary<string, string> remote, CancellationToken cancellationToken)
    {
        if (spec.Routers.Count > 0 && await directory.RouterHostAsync(cancellationToken) != dataPlaneOptions.CurrentValue.Host)
        {
            spec = spec with { Routers = [] };
        }
        return remote.Count == 0 ? spec : spec with
        {
            Servers = spec.Servers.Where(s => !remote.ContainsKey(s.Id)).ToList(),
            Nics = spec.Nics.Where(n => !remote.ContainsKey(n.ServerId)).ToList(),
        };
    }

    private async Task<(string Outcome, string? Error)> CallAsync(Job job, CancellationToken leaseHeld, CancellationToken stopping)
    {
        var limit = dataPlaneOptions.CurrentValue.Timeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(stopping, leaseHeld, timeout.Token);
        try
        {
            var remote = await agents.RemoteServersAsync(job.Spec, call.Token);
            var spec = dataPlane.IsReal ? await LocalPartAsync(job.Spec, remote, call.Token) : job.Spec;
            if (spec.Servers.Count + spec.Nics.Count + spec.Routers.Count > 0)
            {
                await dataPlane.ApplyAsync(new DataPlaneWork(job.Id, job.Action, spec), call.Token);
            }
            // The part on other hosts is their agents' (from the desired state); the job waits for their word.
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stopping, leaseHeld);
            var refused = await agents.AwaitAsync(remote, limit, held.Token);
            return refused is null ? ("ok", null) : ("error", refused);
        }
        catch (DataPlaneException ex)
        {
            return ("error", ex.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (leaseHeld.IsCancellationRequested)
        {
            return ("cancelled", "cancelled: this node lost the job's lease");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            logger.LogError("The data plane did not answer job {JobId} within {Limit}", job.Id, limit);
            return ("timeout", TimeoutError(limit));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The data plane failed on job {JobId}", job.Id);
            return ("error", "data plane error: " + ex.Message);
        }
    }

    /// <summary>
    /// Renews the lease every third of its length while the job runs, so no other node takes the job over. When the
    /// job is no longer this lease's (taken over, or settled by another node), or when no renewal can succeed before
    /// the lease runs out (another node may then take the job), it cancels <paramref name="lost"/>: the data plane
    /// stops, and this node does not settle the job.
    /// </summary>
    private async Task HoldAsync(JobLease lease, DateTime heldUntil, CancellationTokenSource lost, CancellationToken running)
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
                var at = Now;
                var renewed = await changes.RunAsync<bool>(async db =>
                    (await db.Jobs.SingleAsync(j => j.Id == lease.JobId, CancellationToken.None)).Renew(lease, at, Lease), CancellationToken.None);
                if (renewed is { Succeeded: true, Value: true })
                {
                    heldUntil = at + Lease;
                    continue;
                }
                if (renewed.Succeeded)
                {
                    logger.LogWarning("Job {JobId} is no longer held by node {Node}; its data-plane call is cancelled", lease.JobId, lease.Node);
                    await lost.CancelAsync();
                    return;
                }
                logger.LogWarning("Renewing the lease of job {JobId} met busy writers; trying again", lease.JobId);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Renewing the lease of job {JobId} failed; trying again", lease.JobId);
            }
            if (Now + every >= heldUntil)
            {
                logger.LogError("Node {Node} could not renew the lease of job {JobId} before it runs out at {LeaseUntil:o}; its data-plane call is cancelled",
                    lease.Node, lease.JobId, heldUntil);
                await lost.CancelAsync();
                return;
            }
        }
    }

    /// <summary>The job's error when settling it failed the same way <c>Jobs:SettleAttempts</c> times.</summary>
    public static string SettleError(int attempts, string message)
    {
        var error = $"settling the job failed {attempts} times: {message}";
        return error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    private const int MaxErrorLength = 1024;

    /// <summary>
    /// Records a job's end and settles its resources. It keeps trying through conflicts and transient errors, because
    /// a job must never stay working while the process lives; only shutdown stops it (its lease then runs out and the
    /// job is recovered). A settle that fails the same way <c>Jobs:SettleAttempts</c> times in a row will not heal by
    /// itself and would hold a worker forever: the job is then failed with that error (<see cref="GiveUpAsync"/>).
    /// A job this lease no longer holds is left to whoever holds it.
    /// </summary>
    private async Task SettleAsync(JobLease lease, string? error, CancellationToken stopping)
    {
        string? lastError = null;
        var sameErrors = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await TrySettleAsync(lease, error))
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                var message = ex.GetBaseException().Message;
                sameErrors = message == lastError ? sameErrors + 1 : 1;
                lastError = message;
                if (sameErrors >= Math.Max(1, options.CurrentValue.SettleAttempts))
                {
                    await GiveUpAsync(lease, SettleError(sameErrors, message), ex);
                    return;
                }
                logger.LogError(ex, "Settling job {JobId} failed (attempt {Attempt}); trying again", lease.JobId, attempt);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), time, stopping);
        }
    }

    /// <summary>
    /// Settles the job once more, as a failure whose error names the settle error, so its resources are undone and an
    /// operator sees why. If even that does not go through, the job is left working: its lease runs out and recovery
    /// runs it again or fails it.
    /// </summary>
    private async Task GiveUpAsync(JobLease lease, string error, Exception settleError)
    {
        logger.LogError(settleError, "Settling job {JobId} failed the same way again and again; it is failed with: {Error}", lease.JobId, error);
        try
        {
            if (await TrySettleAsync(lease, error))
            {
                return;
            }
            logger.LogError("Failing job {JobId} met busy writers; it is left to recovery once its lease runs out", lease.JobId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Failing job {JobId} after its settle errors failed too; it is left to recovery once its lease runs out", lease.JobId);
        }
    }

    /// <summary>One try at settling; false when it met busy writers (a conflict) and should be tried again.</summary>
    private async Task<bool> TrySettleAsync(JobLease lease, string? error)
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
        if (settled is { Succeeded: true, Value: false })
        {
            logger.LogWarning("Job {JobId} was taken over before node {Node} settled it", lease.JobId, lease.Node);
        }
        return settled.Succeeded;
    }

    private enum Recovery
    {
        StillHeld,
        Requeued,
        Failed,
    }
}
