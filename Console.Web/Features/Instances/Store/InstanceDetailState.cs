using NicConsole.Domain.Instances;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The server an operator has open, with its NICs as the guest sees them.</summary>
[FeatureState]
public sealed record InstanceDetailState
{
    public InstanceDetailState()
    {
    }

    public string? InstanceId { get; init; }
    public InstanceView? Instance { get; init; }
    public bool IsLoading { get; init; }
    public bool NotFound { get; init; }
    public string? ErrorMessage { get; init; }
}
