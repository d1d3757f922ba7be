namespace NicConsole.Web.Features.Jobs.Store;

/// <summary>Run a stuck job again; the dashboard and the job list both ask for it.</summary>
public sealed record RetryJobAction(string JobId);
