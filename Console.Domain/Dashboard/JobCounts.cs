namespace NicConsole.Domain.Dashboard;

/// <summary>Jobs queued or running now, and jobs that failed within the dashboard's window.</summary>
public sealed record JobCounts(int Pending, int Working, int Failed)
{
    public int Running => Pending + Working;
}
