using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Operations.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Operations;

/// <summary>The operation log: every change, who made it, when, on which resources, and how it ended; newest first and live.</summary>
public partial class OperationsPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<OperationLogEntry, string>> UserColumn = o => o.User;
    private static readonly Expression<Func<OperationLogEntry, string>> ActionColumn = o => o.Action;

    /// <summary>Opens the log on the changes of one resource (<c>/operations?resource=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "resource")]
    public string? Resource { get; set; }

    private string? ResultFilter => Query.Results.Count == 1 ? Query.Results[0].ApiName() : null;

    private string? ActionFilter => Query.Actions.Count == 1 ? Query.Actions[0] : null;

    /// <summary>Opened from another page: on one resource's changes (?resource=).</summary>
    protected override void Open()
    {
        if (Resource is { Length: > 0 } resource)
        {
            Filter(Query with { ResourceId = resource });
        }
        else
        {
            Reload();
        }
    }

    /// <summary>Every change adds an entry: the log reads itself again for one its filters may list.</summary>
    protected override void OnResourcesChanged(IReadOnlyList<ResourceChange> changes)
    {
        if (changes.Any(Query.MayList))
        {
            Reload();
        }
    }

    protected override LoadListAction<OperationQuery> LoadAction(OperationQuery query) => new LoadOperationsAction(query);

    protected override PageRequest PageOf(OperationQuery query) => query.Page;

    protected override OperationQuery WithPage(OperationQuery query, PageRequest page) => query with { Page = page };

    private void FilterResult(string? result) =>
        Filter(Query with { Results = Enum.GetValues<OperationResult>().Where(r => r.ApiName() == result).ToList() });

    private void FilterAction(string? action) => Filter(Query with { Actions = action is null ? [] : [action] });

    private void FilterResource(string? id) => Filter(Query with { ResourceId = Blank(id) });

    private void FilterUser(string? user) => Filter(Query with { User = Blank(user) });

    private void FilterFrom(DateTime? day) => Filter(Query with { From = Days.StartUtc(day) });

    private void FilterTo(DateTime? day) => Filter(Query with { To = Days.StartUtc(day)?.AddDays(1) });

    private void Show(DataGridRowClickEventArgs<OperationLogEntry> args) => Dispatcher.Dispatch(new ShowOperationAction(args.Item));

    private void DrawerChanged(bool open)
    {
        if (!open)
        {
            Dispatcher.Dispatch(new CloseOperationAction());
        }
    }

    private string? ResourcePage(OperationLogEntry entry) => ResourceRefusal(entry) is null ? ResourcePages.Of(entry.Resources[0]) : null;

    /// <summary>Why the entry's resource cannot be opened: it has none, no page shows its kind, or this change removed it.</summary>
    private string? ResourceRefusal(OperationLogEntry entry) => entry.Resources switch
    {
        [] => T["Operations.NoResource"].Value,
        [var first, ..] when ResourcePages.Of(first) is null => T["Operations.NoPage", first].Value,
        [var first, ..] when entry.Result != OperationResult.Accepted && ResourcePages.RemovedBy(entry.Action, entry.Result == OperationResult.Succeeded) =>
            T["Operations.ResourceGone", first].Value,
        _ => null,
    };

    /// <summary>What the change said: its detail (a failed job's error), or the job it started (with where its NICs go).</summary>
    private string Message(OperationLogEntry entry) => entry switch
    {
        { Detail: JobRunner.RestartError } => T["Jobs.RestartError"],
        { Result: OperationResult.Accepted, JobId: { } job, Detail.Length: > 0 } => $"{T["Operations.JobStarted", job]} · {entry.Detail}",
        { Detail.Length: > 0 } => entry.Detail,
        { JobId: { } job } => T["Operations.JobStarted", job],
        _ => "",
    };
}
