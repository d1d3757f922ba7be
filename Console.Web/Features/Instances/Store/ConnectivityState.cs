using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Instances;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The connectivity check open on a server page or in a NIC drawer: where it may aim, and the last ping's answer.</summary>
[FeatureState]
public sealed record ConnectivityState
{
    public ConnectivityState()
    {
    }

    /// <summary>The server the check runs from, and the NIC it was opened on (in the NIC drawer).</summary>
    public string? InstanceId { get; init; }
    public string? NicId { get; init; }
    public ConnectivityTargets? Targets { get; init; }
    public bool IsRunning { get; init; }
    public PingResult? Result { get; init; }
    public string? ErrorMessage { get; init; }
}
