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
/// latest changes. It follows every committed change, counting from the changes themselves and reading only what they
/// cannot carry, at most once per <see cref="ReloadInterval"/>; and it reads itself whole again when a running job
/// reaches the stuck limit (which no change announces).
/// </summary>
public partial class OverviewPage
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromMilliseconds(500);

    private Throttle? _reload;
    private readonly Lock _gate = new();
    private List<ResourceChange> _heard = [];
    private bool _opened;
    private Alarm? _stuck;
    private IDisposable? _open;

    [Inject]
    private NicConsole.Web.Localization.ErrorText Errors { get; set; } = default!;

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
        _reload = new Throttle(ReloadInterval, Time, Refresh);
        _stuck = new Alarm(Time, Load);
        SubscribeToAction<ResourcesChangedAction>(changed =>
        {
            lock (_gate)
            {
                _heard.AddRange(changed.Changes);
            }
            _reload.Run();
        }, render: false);
        SubscribeToAction<LoadOverviewSucceededAction>(a => _stuck.Set(a.Dashboard.NextStuckAt?.AddMilliseconds(100)));
        // The first run reads it whole, and starts the interval: changes right after the page opens wait for its end.
        _reload.Run();
    }

    private void Load() => Dispatcher.Dispatch(new LoadOverviewAction());

    private void Refresh()
    {
        if (!_opened)
        {
            _opened = true;
            Load();
            return;
        }
        List<ResourceChange> heard;
        lock (_gate)
        {
            (heard, _heard) = (_heard, []);
        }
        Dispatcher.Dispatch(new RefreshOverviewAction(heard));
    }

    private string StatusLabel(string status) => T["Status." + status];

    private string VxNetLabel(string state) => T["Dashboard.VxNet." + state];

    private string Age(TimeSpan age) => age.TotalMinutes >= 1
        ? T["Jobs.Minutes", (int)age.TotalMinutes, age.Seconds]
        : T["Jobs.Seconds", (int)age.TotalSeconds];

    private string? ErrorOf(Job job) => Jobs.JobFacts.Error(job, T, Errors);

    protected override ValueTask DisposeAsyncCore()
    {
        _reload?.Dispose();
        _stuck?.Dispose();
        _open?.Dispose();
        return base.DisposeAsyncCore();
    }
}
