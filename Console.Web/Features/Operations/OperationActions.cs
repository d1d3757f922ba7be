using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;

namespace NicConsole.Web.Features.Operations;

/// <summary>The actions the operation log records, by their API names: every job's, the changes that answer at once, and changes to users and API keys.</summary>
public static class OperationActions
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. Enum.GetNames<JobAction>(),
        "CreateVxnets", "ModifyVxnetAttributes", "DeleteVxnets",
        "CreateNics", "ModifyNicAttributes", "DeleteNics",
        "ModifyRouterAttributes", "ModifyInstanceAttributes",
        RetryJob.LogAction,
        .. AuditLog.Actions,
    ];
}
