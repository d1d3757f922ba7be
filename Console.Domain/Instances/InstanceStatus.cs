namespace NicConsole.Domain.Instances;

public enum InstanceStatus
{
    Pending,
    Running,
    Stopped,
    Terminated,
}
