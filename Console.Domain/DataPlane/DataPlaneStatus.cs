namespace NicConsole.Domain.DataPlane;

/// <summary>
/// What the console shows of the data plane: its driver, and the reconciler's last pass (when, how many changes, its
/// errors) with the servers whose kernel state differs from the database.
/// </summary>
public sealed record DataPlaneStatus(string Driver, bool IsReal, DateTime? LastPass, int LastChanges, IReadOnlyList<string> LastErrors, IReadOnlySet<string> DriftedServers)
{
    public int Drift => DriftedServers.Count;

    public bool HasDrifted(string serverId) => DriftedServers.Contains(serverId);
}

/// <summary>The data plane's current status, kept by the reconciler; <see cref="Changed"/> fires after each pass.</summary>
public sealed class DataPlaneMonitor(IDataPlane dataPlane)
{
    private DataPlaneStatus _current = new(dataPlane.Driver, dataPlane.IsReal, null, 0, [], new HashSet<string>());

    public DataPlaneStatus Current => Volatile.Read(ref _current);

    public event Action<DataPlaneStatus>? Changed;

    public void Record(DateTime time, ReconcileReport report)
    {
        var status = Current with { LastPass = time, LastChanges = report.Changes.Count, LastErrors = report.Errors, DriftedServers = report.DriftedServers };
        Volatile.Write(ref _current, status);
        Changed?.Invoke(status);
    }
}
