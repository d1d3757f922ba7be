using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Shared;

/// <summary>Where the console shows a resource, read from the shape of its id: its list searched for it, or the server's own page.</summary>
public static class ResourcePages
{
    public static string? Of(string id)
    {
        if (id.StartsWith("i-", StringComparison.Ordinal))
        {
            return $"instances/{Uri.EscapeDataString(id)}";
        }
        var list = id switch
        {
            _ when id.StartsWith("vxnet-", StringComparison.Ordinal) => "vxnets",
            _ when id.StartsWith("rtr-", StringComparison.Ordinal) => "vpcs",
            _ when MacAddress.TryParse(id, out _) => "nics",
            _ => null,
        };
        return list is null ? null : $"{list}?search={Uri.EscapeDataString(id)}";
    }

    /// <summary>Whether a change that ended so removed the resources it names: a deletion that succeeded, a creation that failed.</summary>
    public static bool RemovedBy(string action, bool succeeded) => succeeded
        ? action is "TerminateInstances" or "DeleteRouters" or "DeleteNics" or "DeleteVxnets"
        : action is "RunInstances" or "CreateRouters";
}
