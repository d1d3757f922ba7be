namespace NicConsole.Domain.Operations;

/// <summary>One change: who made it, when, what, on which resources, and how it ended.</summary>
public sealed class OperationLogEntry
{
    private readonly List<OperationLogResource> _resourceIndex = [];

    private OperationLogEntry()
    {
    }

    public OperationLogEntry(string user, string zone, string tenant, string action, IEnumerable<string> resourceIds, OperationResult result, string detail, string? jobId, DateTime now)
    {
        User = user;
        Zone = zone;
        Tenant = tenant;
        Action = action;
        ResourceIds = string.Join(' ', resourceIds);
        _resourceIndex.AddRange(Resources.Distinct().Select(id => new OperationLogResource(id)));
        Result = result;
        Detail = detail;
        JobId = jobId;
        Time = now;
    }

    public long Id { get; private set; }
    public DateTime Time { get; private set; }
    public string User { get; private set; } = "";
    public string Zone { get; private set; } = "";

    /// <summary>The tenant of the resources changed (not the caller's: an Admin's change shows in its tenant's log).</summary>
    public string Tenant { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string ResourceIds { get; private set; } = "";
    public OperationResult Result { get; private set; }
    public string Detail { get; private set; } = "";
    public string? JobId { get; private set; }

    public IReadOnlyCollection<OperationLogResource> ResourceIndex => _resourceIndex;

    public IReadOnlyList<string> Resources => ResourceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
