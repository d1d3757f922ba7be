using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsAction(JobQuery Query) : LoadListAction<JobQuery>(Query);
