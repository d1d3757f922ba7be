using NicConsole.Domain.Jobs;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsAction(JobQuery Query);
