namespace NicConsole.Domain.Instances;

public enum ConnectivityTargetKind
{
    Gateway,
    Nic,
}
