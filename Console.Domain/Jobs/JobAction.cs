namespace NicConsole.Domain.Jobs;

/// <summary>The asynchronous operations, named as the API's actions.</summary>
public enum JobAction
{
    AttachNics,
    DetachNics,
    CreateRouters,
    DeleteRouters,
    JoinRouter,
    LeaveRouter,
    RunInstances,
    StartInstances,
    StopInstances,
    RestartInstances,
    TerminateInstances,
}
