namespace NicConsole.Domain.Instances;

/// <summary>
/// Where a guest view came from: the database (the data plane is simulated, or cannot be read), the server's kernel
/// read by this console, or the kernel as the agent of the server's host last reported it.
/// </summary>
public enum GuestSource
{
    Database,
    Kernel,
    Agent,
}
