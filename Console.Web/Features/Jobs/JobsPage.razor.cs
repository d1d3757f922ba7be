using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Jobs.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Jobs;

/// <summary>The job list: filters, newest first, each job's resources and its end, following running jobs live.</summary>
public partial class JobsPage
{
    private MudMenu _menu = default!;
    private Job? _menuItem;
    private Alarm? _stuckAlarm;

    [Inject]
    private IState<JobsState> State { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private StuckJobPolicy Stuck { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens the list on the jobs of one resource (<c>/jobs?resource=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "resource")]
    public string? Resource { get; set; }

    /// <summary>Opens the list on the jobs in one status (<c>/jobs?status=failed</c>), as the dashboard links it.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? ForStatus { get; set; }

    private string? StatusFilter => State.Value.Query.Statuses.Count == 1 ? State.Value.Query.Statuses[0].ApiName() : null;

    private string? ActionFilter => State.Value.Query.Actions.Count == 1 ? State.Value.Query.Actions[0].ToString() : null;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // A job's start and end are committed changes: the chips follow them without a reload.
        SubscribeToAction<ResourcesChangedAction>(_ => Reload());
        SubscribeToAction<CommandSucceededAction>(a => Snackbar.Add(a.Message, Severity.Success));
        SubscribeToAction<CommandFailedAction>(a => Snackbar.Add(a.Message, Severity.Error));
        // No change announces that a job has become stuck: the page looks again when the next one does.
        _stuckAlarm = new Alarm(Time, () => InvokeAsync(StateHasChanged));
        SubscribeToAction<LoadJobsSucceededAction>(a => _stuckAlarm.Set(a.Page.Items.Select(j => j.StuckAt(Stuck.Limit)).Where(t => t > Stuck.Now).Min()));
        // Opened from another page: on one resource's jobs (?resource=), or on one status (?status=).
        var query = State.Value.Query;
        if (Resource is { Length: > 0 } resource)
        {
            query = query with { ResourceId = resource };
        }
        if (ForStatus is { Length: > 0 } status)
        {
            query = query with { Statuses = StatusesNamed(status) };
        }
        if (query == State.Value.Query)
        {
            Reload();
        }
        else
        {
            Filter(query);
        }
    }

    protected override ValueTask DisposeAsyncCore()
    {
        _stuckAlarm?.Dispose();
        return base.DisposeAsyncCore();
    }

    private void Reload() => Load(State.Value.Query);

    private void Load(JobQuery query) => Dispatcher.Dispatch(new LoadJobsAction(query));

    /// <summary>A new filter starts again at the first page.</summary>
    private void Filter(JobQuery query) => Load(query with { Page = query.Page with { Offset = 0 } });

    private void FilterStatus(string? status) => Filter(State.Value.Query with { Statuses = StatusesNamed(status) });

    private static List<JobStatus> StatusesNamed(string? status) => Enum.GetValues<JobStatus>().Where(s => s.ApiName() == status).ToList();

    private void FilterAction(string? action) =>
        Filter(State.Value.Query with { Actions = Enum.GetValues<JobAction>().Where(a => a.ToString() == action).ToList() });

    private void FilterResource(string? id) => Filter(State.Value.Query with { ResourceId = Blank(id) });

    private void FilterOwner(string? owner) => Filter(State.Value.Query with { Owner = Blank(owner) });

    private void FilterFrom(DateTime? day) => Filter(State.Value.Query with { From = Days.StartUtc(day) });

    private void FilterTo(DateTime? day) => Filter(State.Value.Query with { To = Days.StartUtc(day)?.AddDays(1) });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void ShowAsync(DataGridRowClickEventArgs<Job> args) => Dispatcher.Dispatch(new ShowJobAction(args.Item));

    private async Task OpenMenuAsync(DataGridRowClickEventArgs<Job> args)
    {
        _menuItem = args.Item;
        await _menu.OpenMenuAsync(args.MouseEventArgs);
    }

    private void DrawerChanged(bool open)
    {
        if (!open)
        {
            Dispatcher.Dispatch(new CloseJobAction());
        }
    }

    private void Retry(Job job) => Dispatcher.Dispatch(new RetryJobAction(job.Id));

    private string? ResourcePage(Job job) => ResourceRefusal(job) is null ? ResourcePages.Of(job.Resources[0]) : null;

    /// <summary>Why the job's resource cannot be opened: it has none, no page shows its kind, or the job itself removed it.</summary>
    private string? ResourceRefusal(Job job) => job.Resources switch
    {
        [] => T["Jobs.NoResource"].Value,
        [var first, ..] when ResourcePages.Of(first) is null => T["Jobs.NoPage", first].Value,
        [var first, ..] when JobFacts.Removed(job) => T["Jobs.ResourceGone", first].Value,
        _ => null,
    };

    private string Duration(Job job) => JobFacts.Duration(job) is { } time ? Duration(time) : "";

    private string Duration(TimeSpan time) =>
        time.TotalMinutes >= 1 ? T["Jobs.Minutes", (int)time.TotalMinutes, time.Seconds] : T["Jobs.Seconds", Math.Round(time.TotalSeconds, 1)];

    private string? ErrorOf(Job job) => job.Error switch
    {
        null or "" => null,
        JobRunner.RestartError => T["Jobs.RestartError"].Value,
        var text => text,
    };
}
