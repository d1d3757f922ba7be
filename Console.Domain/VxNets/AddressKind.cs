namespace NicConsole.Domain.VxNets;

/// <summary>What one address of a VxNet's /24 is, as its address map shows it.</summary>
public enum AddressKind
{
    Network,
    Gateway,
    Platform,
    Broadcast,
    Used,
    Free,
}
