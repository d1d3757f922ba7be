using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.DataPlane;

/// <summary>
/// A data plane that only waits: configurable latency, and failures injected by rules. Nothing is real, so there is
/// nothing to reconcile and no guest to look into.
/// </summary>
public sealed class SimulatedDataPlane(IOptionsMonitor<DataPlaneOptions> options, TimeProvider time) : IDataPlane, IGuestProbe
{
    public const string Name = "Simulated";

    public string Driver => Name;

    public bool IsReal => false;

    public bool Available => false;

    public string Reason => "The data plane is a simulation (DataPlane:Driver=Simulated): there is no real server to look into.";

    private ImmutableList<Func<DataPlaneWork, string?>> _failureRules = [];

    /// <summary>Adds a rule that returns an error message for the work it fails, or null.</summary>
    public IDisposable FailWhen(Func<DataPlaneWork, string?> rule)
    {
        ImmutableInterlocked.Update(ref _failureRules, rules => rules.Add(rule));
        return new ActionDisposable(() => ImmutableInterlocked.Update(ref _failureRules, rules => rules.Remove(rule)));
    }

    public async Task ApplyAsync(DataPlaneWork work, CancellationToken cancellationToken)
    {
        var latency = options.CurrentValue.LatencyMilliseconds;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellationToken);
        }
        foreach (var rule in _failureRules)
        {
            if (rule(work) is { } error)
            {
                throw new DataPlaneException(error);
            }
        }
    }

    public Task<ReconcileReport> ReconcileAsync(DataPlaneSpec desired, BusyResources busy, bool apply, CancellationToken cancellationToken) =>
        Task.FromResult(ReconcileReport.Nothing);

    public Task<GuestKernelState?> ReadAsync(string serverId, CancellationToken cancellationToken) => Task.FromResult<GuestKernelState?>(null);

    public Task<PingResult> PingAsync(string serverId, string target, CancellationToken cancellationToken) => throw new DataPlaneException(Reason);
}
