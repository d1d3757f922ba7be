using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Jobs;
using NicConsole.Web.Features.Jobs.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Jobs;

/// <summary>The job list: filters, newest first, each job's resources and its end, following running jobs live.</summary>
public partial class JobsPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<Job, string>> IdColumn = j => j.Id;
    private static readonly Expression<Func<Job, JobAction>> ActionColumn = j => j.Action;
    private static readonly Expression<Func<Job, string>> OwnerColumn = j => j.Owner;

    private Alarm? _stuckAlarm;

    [Inject]
    private NicConsole.Web.Localization.ErrorText Errors { get; set; } = default!;

    [Inject]
    private StuckJobPolicy Stuck { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Opens the list on the jobs of one resource (<c>/jobs?resource=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "resource")]
    public string? Resource { get; set; }

    protected override string? StatusFilter => Query.Statuses.Count == 1 ? Query.Statuses[0].ApiName() : null;

    private string? ActionFilter => Query.Actions.Count == 1 ? Query.Actions[0].ToString() : null;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // No change announces that a job has become stuck: the page looks again when the next one does.
        _stuckAlarm = new Alarm(Time, () => InvokeAsync(StateHasChanged));
        SubscribeToAction<LoadJobsSucceededAction>(a => _stuckAlarm.Set(a.Page.Items.Select(j => j.StuckAt(Stuck.Limit)).Where(t => t > Stuck.Now).Min()));
    }

    /// <summary>The stuck-job alarm, set before the first read; then the list, opened from another page on one resource's jobs (?resource=), one status (?status=), or both.</summary>
    protected override void Open()
    {
        // No change announces that a job has become stuck: the page looks again when the next one does.
        _stuckAlarm = new Alarm(Time, () => InvokeAsync(StateHasChanged));
        SubscribeToAction<LoadJobsSucceededAction>(a => _stuckAlarm.Set(a.Page.Items.Select(j => j.StuckAt(Stuck.Limit)).Where(t => t > Stuck.Now).Min()));
        var query = Query;
        if (Resource is { Length: > 0 } resource)
        {
            query = query with { ResourceId = resource };
        }
        if (ForStatus is { Length: > 0 } status)
        {
            query = query with { Statuses = StatusesNamed(status) };
        }
        if (query == Query)
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

    /// <summary>Jobs that pass the filters, and the jobs on the page.</summary>
    protected override LiveScope Scope => new(ResourceKinds.Job)
    {
        Ids = LiveScope.Set(Query.Ids),
        Statuses = LiveScope.Set(Query.Statuses.Select(s => s.ApiName())),
        Shown = LiveScope.Set(State.Value.Items.Select(j => j.Id)),
    };

    protected override LoadListAction<JobQuery> LoadAction(JobQuery query) => new LoadJobsAction(query);

    protected override PageRequest PageOf(JobQuery query) => query.Page;

    protected override JobQuery WithPage(JobQuery query, PageRequest page) => query with { Page = page };

    protected override JobQuery WithStatus(JobQuery query, string? status) => query with { Statuses = StatusesNamed(status) };

    private static List<JobStatus> StatusesNamed(string? status) => Enum.GetValues<JobStatus>().Where(s => s.ApiName() == status).ToList();

    private void FilterAction(string? action) =>
        Filter(Query with { Actions = Enum.GetValues<JobAction>().Where(a => a.ToString() == action).ToList() });

    private void FilterResource(string? id) => Filter(Query with { ResourceId = Blank(id) });

    private void FilterOwner(string? owner) => Filter(Query with { Owner = Blank(owner) });

    private void FilterFrom(DateTime? day) => Filter(Query with { From = Days.StartUtc(day) });

    private void FilterTo(DateTime? day) => Filter(Query with { To = Days.StartUtc(day)?.AddDays(1) });

    private void ShowAsync(DataGridRowClickEventArgs<Job> args) => Dispatcher.Dispatch(new ShowJobAction(args.Item));

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

    private string? ErrorOf(Job job) => JobFacts.Error(job, T, Errors);
}
