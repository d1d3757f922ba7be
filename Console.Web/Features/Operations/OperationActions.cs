using NicConsole.Domain.Jobs;

namespace NicConsole.Web.Features.Operations;

/// <summary>The actions the operation log records, by their API names: every job's, and the changes that answer at once.</summary>
public static class OperationActions
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. Enum.GetNames<JobAction>(),
        "CreateVxnets", "ModifyVxnetAttributes", "DeleteVxnets",
        "CreateNics", "ModifyNicAttributes", "DeleteNics",
        "ModifyRouterAttributes", "ModifyInstanceAttributes",
        NetworkService.RetryJobAction,
    ];
}
