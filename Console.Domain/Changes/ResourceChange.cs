using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Changes;

/// <summary>
/// A committed change, as every open page and the job worker hear of it. <see cref="Tenant"/>: the tenant of the
/// resources changed, so that a page can ignore other tenants' changes (null: unknown, e.g. a resync). <see cref="At"/>:
/// when the change was made (UTC), which times its delivery to the pages. <see cref="Touched"/>: every resource the
/// change's transaction wrote (null: not known, e.g. a resync, so every page reads itself again). <see cref="Commit"/>:
/// the transaction (the id of its first log entry; 0: not known): the changes of one commit share what it touched, and
/// whoever counts from it counts each commit once.
/// </summary>
public sealed record ResourceChange(string Action, IReadOnlyList<string> ResourceIds, OperationResult Result, string? JobId, string Zone, string? Tenant = null,
    DateTime? At = null, IReadOnlyList<Touched>? Touched = null, long Commit = 0)
{
    /// <summary>The change an operation log entry records, with what its transaction wrote.</summary>
    public static ResourceChange From(OperationLogEntry entry, IReadOnlyList<Touched>? touched, long commit) =>
        new(entry.Action, entry.Resources, entry.Result, entry.JobId, entry.Zone, entry.Tenant, entry.Time, touched, commit);
}
