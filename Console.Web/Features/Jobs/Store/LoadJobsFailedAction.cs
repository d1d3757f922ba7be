using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record LoadJobsFailedAction(string Error) : LoadListFailedAction<JobQuery>(Error);
