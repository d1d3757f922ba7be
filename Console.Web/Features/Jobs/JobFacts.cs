using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Jobs;

/// <summary>What the job page reads from a job beyond its fields.</summary>
public static partial class JobFacts
{
    public static bool IsRunning(Job job) => job.Status is JobStatus.Pending or JobStatus.Working;

    /// <summary>From accepted to its end; nothing while it runs.</summary>
    public static TimeSpan? Duration(Job job) => IsRunning(job) ? null : job.StatusTime - job.CreateTime;

    /// <summary>The job's own outcome removed its resources: a server terminated or never started, a VPC deleted or never made.</summary>
    public static bool Removed(Job job) => !IsRunning(job) && ResourcePages.RemovedBy(job.Action.ToString(), job.Status == JobStatus.Successful);

    /// <summary>
    /// Why it failed, in the operator's language where the reason is one of ours (a restart, an offline host); a data
    /// plane's own words as they came.
    /// </summary>
    public static string? Error(Job job, IStringLocalizer<UiText> text, ErrorText errors) => job.Error switch
    {
        null or "" => null,
        JobRunner.RestartError => text["Jobs.RestartError"].Value,
        var error when HostOffline().Match(error) is { Success: true } offline => errors[DomainErrors.HostOffline(offline.Groups[1].Value)],
        var error => error,
    };

    [GeneratedRegex("^host ([a-z][a-z0-9-]*) is offline$")]
    private static partial Regex HostOffline();
}
