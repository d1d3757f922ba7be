using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.Jobs;

/// <summary>The <see cref="JobRules"/> on the configured limit (<c>Jobs:StuckAfterSeconds</c>) and the domain's clock.</summary>
public sealed class StuckJobPolicy(IOptionsMonitor<JobOptions> options, TimeProvider time)
{
    public TimeSpan Limit => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.StuckAfterSeconds));

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public TimeSpan Age(Job job) => job.Age(Now);

    public bool IsStuck(Job job) => job.IsStuck(Now, Limit);

    public DomainError? RetryRefusal(Job job) => job.RetryRefusal(Now, Limit);
}
