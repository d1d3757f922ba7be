namespace NicConsole.Domain.DataPlane;

/// <summary>
/// What makes a change real on the hosts. It is called after the reservation is committed; it throws
/// <see cref="DataPlaneException"/> when the change could not be made, and the job then fails and is undone.
/// </summary>
public interface IDataPlane
{
    Task ApplyAsync(DataPlaneWork work, CancellationToken cancellationToken);
}
