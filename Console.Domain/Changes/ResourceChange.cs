using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Changes;

/// <summary>A committed change, as every open page and the job worker hear of it.</summary>
public sealed record ResourceChange(string Action, IReadOnlyList<string> ResourceIds, OperationResult Result, string? JobId, string Zone)
{
    public static ResourceChange From(OperationLogEntry entry) =>
        new(entry.Action, entry.Resources, entry.Result, entry.JobId, entry.Zone);
}
