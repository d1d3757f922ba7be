using NicConsole.Domain.Jobs;

namespace NicConsole.Domain.Dashboard;

/// <summary>A job pending or working past the limit, and for how long it has been so.</summary>
public sealed record StuckJob(Job Job, TimeSpan Age);
