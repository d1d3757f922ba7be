using NicConsole.Domain.Common;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// When a job counts as stuck (pending or working longer than the limit since its last status change) and when an
/// operator may retry it, shared by the retry use case, which enforces it, and by pages, which flag the job and show
/// why a retry is disabled.
/// </summary>
public static class JobRules
{
    public static bool IsRunning(this Job job) => job.Status is JobStatus.Pending or JobStatus.Working;

    /// <summary>How long the job has been in its status.</summary>
    public static TimeSpan Age(this Job job, DateTime now) => now - job.StatusTime;

    /// <summary>When the running job will count as stuck; nothing once it has ended.</summary>
    public static DateTime? StuckAt(this Job job, TimeSpan limit) => job.IsRunning() ? job.StatusTime + limit : null;

    public static bool IsStuck(this Job job, DateTime now, TimeSpan limit) => job.StuckAt(limit) <= now;

    /// <summary>
    /// Why an operator may not retry the job, or null. A pending job may be retried once it is stuck. A working job may
    /// be retried only once its lease has run out: while its node renews the lease the data plane may still be changing
    /// hosts, and a second run beside it would do real harm, however long it takes.
    /// </summary>
    public static DomainError? RetryRefusal(this Job job, DateTime now, TimeSpan limit)
    {
        if (!job.IsRunning())
        {
            return DomainErrors.JobEnded(job.Id, job.Status.ApiName());
        }
        if (job.Status == JobStatus.Working)
        {
            return job.LeaseExpired(now) ? null : DomainErrors.JobHeld(job.Id, job.Node ?? "", job.LeaseUntil!.Value);
        }
        return job.IsStuck(now, limit)
            ? null
            : DomainErrors.JobNotStuck(job.Id, job.Status.ApiName(), (int)job.Age(now).TotalSeconds, (int)limit.TotalSeconds);
    }
}
