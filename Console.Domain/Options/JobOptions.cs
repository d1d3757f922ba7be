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

    /// <summary>
    /// How long a node's hold on a running job lasts unless renewed (it renews every third of it). A working job whose
    /// lease ran out was left by a node that stopped, and another node runs it again.
    /// </summary>
    public int LeaseSeconds { get; set; } = 30;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));

    /// <summary>
    /// How many times in a row settling a job may fail with the same error before the job is failed with that error,
    /// instead of holding a worker forever. Conflicts with other writers do not count: they are always tried again.
    /// </summary>
    public int SettleAttempts { get; set; } = 5;

    /// <summary>How long a job may stay pending or working before the console flags it as stuck and offers a retry.</summary>
    public int StuckAfterSeconds { get; set; } = 120;
}
