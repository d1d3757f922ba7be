namespace NicConsole.Domain.Options;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the worker looks for jobs when nothing woke it.</summary>
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>How many times a job interrupted by a restart is run before it is failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How many jobs the worker runs at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long a job may stay pending or working before the console flags it as stuck and offers a retry.</summary>
    public int StuckAfterSeconds { get; set; } = 120;
}
