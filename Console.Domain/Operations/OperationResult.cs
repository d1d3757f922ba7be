namespace NicConsole.Domain.Operations;

public enum OperationResult
{
    Succeeded,
    Accepted,
    Failed,
}
