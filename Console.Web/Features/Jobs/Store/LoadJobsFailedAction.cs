namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsFailedAction(string Error);
