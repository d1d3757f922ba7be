namespace NicConsole.Domain.Instances;

/// <summary>Where a guest view came from: the database (the data plane is simulated, or cannot be read) or the server's kernel.</summary>
public enum GuestSource
{
    Database,
    Kernel,
}
