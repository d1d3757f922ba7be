using System.Collections.Immutable;
using NicConsole.Domain.Hosts;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Hosts.Store;

/// <summary>The hosts as listed, and the one the toolbar acts on (never a token: a new one is shown by the page once, from its action).</summary>
[FeatureState]
public sealed record HostsState
{
    public HostsState()
    {
    }

    public ImmutableList<HostView> Items { get; init; } = [];
    public string? Selected { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
