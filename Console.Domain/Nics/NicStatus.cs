namespace NicConsole.Domain.Nics;

public enum NicStatus
{
    Available,
    InUse,
}
