namespace NicConsole.Domain.Common;

/// <summary>The change a job is making to a resource while it runs; <see cref="None"/> when settled.</summary>
public enum Transition
{
    None,
    Creating,
    Deleting,
    Joining,
    Leaving,
    Attaching,
    Detaching,
    Starting,
    Stopping,
    Restarting,
    Terminating,
}
