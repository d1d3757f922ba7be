namespace NicConsole.Domain.Nics;

public enum NicRole
{
    Secondary = 0,
    Primary = 1,
}
