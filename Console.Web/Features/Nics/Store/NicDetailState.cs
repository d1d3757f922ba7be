using System.Collections.Immutable;
using NicConsole.Domain.Nics;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>The NIC open in the detail drawer, with its timeline; no id means the drawer is closed.</summary>
[FeatureState]
public sealed record NicDetailState
{
    public NicDetailState()
    {
    }

    public string? NicId { get; init; }
    public NicView? Nic { get; init; }
    public ImmutableList<NicTimelineEntry> Timeline { get; init; } = [];
    public bool TimelineTruncated { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
