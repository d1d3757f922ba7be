namespace NicConsole.Domain.Operations;

/// <summary>
/// One resource an operation names, kept as its own row so that a resource's history is an index seek rather
/// than a scan of the whole log for a substring.
/// </summary>
public sealed class OperationLogResource
{
    private OperationLogResource()
    {
    }

    public OperationLogResource(string resourceId) => ResourceId = resourceId;

    public long OperationId { get; private set; }
    public string ResourceId { get; private set; } = "";
}
