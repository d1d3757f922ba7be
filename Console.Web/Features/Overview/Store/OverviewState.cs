using NicConsole.Domain.Dashboard;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Overview.Store;

/// <summary>The dashboard as last read, kept while it reloads so the page does not flash empty.</summary>
[FeatureState]
public sealed record OverviewState
{
    public OverviewState()
    {
    }

    public DashboardView? Dashboard { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
