using NicConsole.Domain.Jobs;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsSucceededAction(JobQuery Query, Page<Job> Page);
