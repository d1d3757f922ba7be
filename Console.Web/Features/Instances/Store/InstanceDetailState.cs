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

    /// <summary>The guest's interfaces and routes, from the kernel with its drift, or rendered from the database.</summary>
    public GuestReading? Guest { get; init; }
}
