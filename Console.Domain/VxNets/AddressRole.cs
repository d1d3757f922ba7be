namespace NicConsole.Domain.VxNets;

public enum AddressRole
{
    Assignable,
    Network,
    Gateway,
    Platform,
    Broadcast,
    Outside,
}
