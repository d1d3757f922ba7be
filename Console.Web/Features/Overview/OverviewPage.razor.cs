using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Dashboard;
using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Overview.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

using NicConsole.Web.Telemetry;

namespace NicConsole.Web.Features.Overview;

/// <summary>
/// The operator's dashboard: counts, where the network is full, jobs running, failed or stuck, NIC activity and the
/// latest changes. It follows every committed change, at most one reload per <see cref="ReloadInterval"/>, and reloads
/// once more when a running job reaches the stuck limit (which no change announces).
/// </summary>
public partial class OverviewPage
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromMilliseconds(500);

    private Throttle? _reload;
    private Alarm? _stuck;
    private IDisposable? _open;

    [Inject]
    private WebMetrics Metrics { get; set; } = default!;

    [Inject]
    private IState<OverviewState> State { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    private DashboardView? Dashboard => State.Value.Dashboard;

    private bool Loading => State.Value.IsLoading || !RendererInfo.IsInteractive || (Dashboard is null && State.Value.ErrorMessage is null);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _open = Metrics.PageOpened(nameof(OverviewPage));
        _reload = new Throttle(ReloadInterval, Time, Load);
        _stuck = new Alarm(Time, Load);
        SubscribeToAction<ResourcesChangedAction>(_ => _reload.Run());
        SubscribeToAction<LoadOverviewSucceededAction>(a => _stuck.Set(a.Dashboard.NextStuckAt?.AddMilliseconds(100)));
        _reload.Run();
    }

    private void Load() => Dispatcher.Dispatch(new LoadOverviewAction());

    private string StatusLabel(string status) => T["Status." + status];

    private string VxNetLabel(string state) => T["Dashboard.VxNet." + state];

    private string Age(TimeSpan age) => age.TotalMinutes >= 1
        ? T["Jobs.Minutes", (int)age.TotalMinutes, age.Seconds]
        : T["Jobs.Seconds", (int)age.TotalSeconds];

    private string? ErrorOf(Job job) => job.Error == JobRunner.RestartError ? T["Jobs.RestartError"] : job.Error;

    protected override ValueTask DisposeAsyncCore()
    {
        _reload?.Dispose();
        _stuck?.Dispose();
        _open?.Dispose();
        return base.DisposeAsyncCore();
    }
}
