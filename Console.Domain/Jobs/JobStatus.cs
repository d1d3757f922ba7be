namespace NicConsole.Domain.Jobs;

public enum JobStatus
{
    Pending,
    Working,
    Successful,
    Failed,
}
