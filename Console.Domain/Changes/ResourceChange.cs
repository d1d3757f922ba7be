using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Changes;

/// <summary>
/// A committed change, as every open page and the job worker hear of it. <see cref="Tenant"/>: the tenant of the
/// resources changed, so that a page can ignore other tenants' changes (null: unknown, e.g. a resync). <see cref="At"/>:
/// when the change was made (UTC), which times its delivery to the pages.
/// </summary>
public sealed record ResourceChange(string Action, IReadOnlyList<string> ResourceIds, OperationResult Result, string? JobId, string Zone, string? Tenant = null,
    DateTime? At = null)
{
    public static ResourceChange From(OperationLogEntry entry) =>
        new(entry.Action, entry.Resources, entry.Result, entry.JobId, entry.Zone, entry.Tenant, entry.Time);
}
