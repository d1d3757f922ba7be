using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.DataPlane;

/// <summary>A data plane that only waits: configurable latency, and failures injected by rules.</summary>
public sealed class SimulatedDataPlane(IOptionsMonitor<DataPlaneOptions> options, TimeProvider time) : IDataPlane
{
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
}
