using NicConsole.Domain.Jobs;

namespace NicConsole.Web.Features.Jobs.Store;

public sealed record ShowJobAction(Job Job);
