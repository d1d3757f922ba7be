using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsSucceededAction(JobQuery Query, Page<Job> Page) : LoadListSucceededAction<Job, JobQuery>(Query, Page);
