using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared;

namespace NicConsole.Web.Features.Jobs;

/// <summary>What the job page reads from a job beyond its fields.</summary>
public static class JobFacts
{
    public static bool IsRunning(Job job) => job.Status is JobStatus.Pending or JobStatus.Working;

    /// <summary>From accepted to its end; nothing while it runs.</summary>
    public static TimeSpan? Duration(Job job) => IsRunning(job) ? null : job.StatusTime - job.CreateTime;

    /// <summary>The job's own outcome removed its resources: a server terminated or never started, a VPC deleted or never made.</summary>
    public static bool Removed(Job job) => !IsRunning(job) && ResourcePages.RemovedBy(job.Action.ToString(), job.Status == JobStatus.Successful);
}
