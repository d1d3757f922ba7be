using NicConsole.Domain.DataPlane;

namespace NicConsole.Agent;

/// <summary>
/// The simulated driver of an agent: it takes each desired state as made and changes nothing, so many agents can run in
/// one process (the benchmark's) over the real protocol.
/// </summary>
public sealed class SpecOnlyDataPlane : IDataPlane
{
    public string Driver => "Simulated";

    public bool IsReal => false;

    public Task ApplyAsync(DataPlaneWork work, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ReconcileReport> ReconcileAsync(DataPlaneSpec desired, BusyResources busy, bool apply, CancellationToken cancellationToken) =>
        Task.FromResult(ReconcileReport.Nothing);
}
