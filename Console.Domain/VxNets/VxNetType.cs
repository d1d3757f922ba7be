namespace NicConsole.Domain.VxNets;

public enum VxNetType
{
    SelfManaged = 0,
    Managed = 1,
    Basic = 2,
}
