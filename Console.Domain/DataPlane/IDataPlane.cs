namespace NicConsole.Domain.DataPlane;

/// <summary>
/// What makes a change real on the hosts. It is given the job's stored facts and reads no database. Each call is
/// idempotent (a job may run again after a crash). It throws <see cref="DataPlaneException"/> when the change could not
/// be made; the job then fails and is undone.
/// </summary>
/// <remarks>
/// What each action does with <see cref="DataPlaneWork.Spec"/>:
/// RunInstances, StartInstances, RestartInstances, AttachNics: ensure each server and each NIC (links up when the server
/// runs); StopInstances: ensure them with links down; DetachNics: remove each NIC (gone already is done);
/// TerminateInstances: remove each server with its NICs; CreateRouters and JoinRouter: ensure each router with the legs
/// given; LeaveRouter: remove the legs given; DeleteRouters: remove each router.
/// </remarks>
public interface IDataPlane
{
    /// <summary>The driver's name as configured (<c>Simulated</c> or <c>Linux</c>).</summary>
    string Driver { get; }

    /// <summary>Whether changes are real, so the guest can be read from the kernel and pinged from.</summary>
    bool IsReal { get; }

    Task ApplyAsync(DataPlaneWork work, CancellationToken cancellationToken);

    /// <summary>
    /// Compares the kernel with <paramref name="desired"/> (the whole desired state) and, when <paramref name="apply"/>,
    /// brings it there, leaving alone what <paramref name="busy"/> names (its job owns it).
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(DataPlaneSpec desired, BusyResources busy, bool apply, CancellationToken cancellationToken);
}

/// <summary>Resources a running job owns: the reconciler leaves them alone.</summary>
public sealed record BusyResources(IReadOnlySet<string> Servers, IReadOnlySet<string> Nics, IReadOnlySet<string> Routers)
{
    public static readonly BusyResources None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// One reconcile pass: the changes it made (or, without apply, would make) as commands a person could replay, the
/// errors it met, and the servers whose kernel state differs from the database (after a pass that applied: those it
/// could not bring back).
/// </summary>
public sealed record ReconcileReport(IReadOnlyList<string> Changes, IReadOnlyList<string> Errors, IReadOnlySet<string> DriftedServers)
{
    public static readonly ReconcileReport Nothing = new([], [], new HashSet<string>());
}
