using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;

namespace NicConsole.Domain.Dashboard;

/// <summary>
/// A job pending or working past the limit, for how long it has been so, and why it may not be retried yet (a working
/// job whose node still renews its lease), or null.
/// </summary>
public sealed record StuckJob(Job Job, TimeSpan Age, DomainError? RetryRefusal);
