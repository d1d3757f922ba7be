namespace NicConsole.Domain.Common;

/// <summary>A broken invariant inside the model: a bug, never an expected refusal.</summary>
public sealed class DomainException(string message) : Exception(message)
{
    /// <summary>Entities re-check the refusal the service already checked: reaching this is a bug.</summary>
    public static void ThrowIf(DomainError? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainException(refusal.ToString());
        }
    }
}
