namespace NicConsole.Domain.Instances;

public enum GuestDriftKind
{
    /// <summary>The server runs but has no namespace.</summary>
    NoNamespace,
    UnexpectedInterface,
    MissingInterface,
    UnexpectedAddress,
    MissingAddress,
    LinkDown,
    WrongMac,
}
