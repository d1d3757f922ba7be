using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

using NicConsole.Web.Telemetry;

namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>
/// The base of every list page: the store, search, status filter, sort, paging, selection, the right-click menu,
/// the reload on a committed change that can alter what it shows (its <see cref="Scope"/>) and the <c>?status=</c> entry point. A page names its actions and how its
/// query is filtered, and declares its columns, filters, row actions and detail.
/// </summary>
/// <typeparam name="TState">The list's state.</typeparam>
/// <typeparam name="TItem">A row of the list.</typeparam>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract class ListPage<TState, TItem, TQuery> : FluxComponent
    where TState : ListState<TItem, TQuery>
    where TQuery : class
{
    [Inject]
    protected IState<TState> State { get; set; } = default!;

    [Inject]
    protected IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    protected ChangeGuard Guard { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private WebMetrics Metrics { get; set; } = default!;

    private IDisposable? _open;

    /// <summary>Opens the list on the rows in one status (<c>?status=…</c>), as the dashboard links it.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? ForStatus { get; set; }

    /// <summary>The right-click menu (<c>@ref</c> of the page's <c>MudMenu</c>).</summary>
    protected MudMenu Menu { get; set; } = default!;

    /// <summary>The row the menu was opened on.</summary>
    protected TItem? MenuItem { get; private set; }

    protected TQuery Query => State.Value.Query;

    protected IReadOnlyList<TItem> Selected => State.Value.SelectedItems;

    /// <summary>The status filtered on, when the query names exactly one.</summary>
    protected virtual string? StatusFilter => null;

    protected string SortBy => PageOf(Query).SortBy ?? "";

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _open = Metrics.PageOpened(GetType().Name);
        // A committed change (this operator's, another's, a finished job) that can alter this page: read it again.
        SubscribeToAction<ResourcesChangedAction>(changed => OnResourcesChanged(changed.Changes), render: false);
        Open();
    }

    /// <summary>The first read, as the address asks for it: by default one status (<c>?status=</c>), else the query kept.</summary>
    protected virtual void Open()
    {
        if (ForStatus is { Length: > 0 } status)
        {
            FilterStatus(status);
        }
        else
        {
            Reload();
        }
    }

    /// <summary>
    /// What the page shows, as far as changes go, from its query and its rows (null: anything may alter it). A page that
    /// says so reads nothing on a change elsewhere.
    /// </summary>
    protected virtual LiveScope? Scope => null;

    protected virtual void OnResourcesChanged(IReadOnlyList<ResourceChange> changes)
    {
        if (Scope is not { } scope || scope.IsAlteredBy(changes))
        {
            Dispatcher.Dispatch(LoadAction(Query) with { Quiet = true });
        }
    }

    protected abstract LoadListAction<TQuery> LoadAction(TQuery query);

    protected virtual SelectListAction<TQuery> SelectAction(IReadOnlyCollection<string> ids) =>
        throw new NotSupportedException($"{GetType().Name} has no selection.");

    protected abstract PageRequest PageOf(TQuery query);

    protected abstract TQuery WithPage(TQuery query, PageRequest page);

    protected virtual TQuery WithSearch(TQuery query, string? word) => throw new NotSupportedException($"{GetType().Name} has no search.");

    protected virtual TQuery WithStatus(TQuery query, string? status) => throw new NotSupportedException($"{GetType().Name} has no status filter.");

    protected void Reload() => Load(Query);

    protected void Load(TQuery query) => Dispatcher.Dispatch(LoadAction(query));

    /// <summary>A new filter starts again at the first page.</summary>
    protected void Filter(TQuery query) => Load(WithPage(query, PageOf(query) with { Offset = 0 }));

    protected void Search(string? word) => Filter(WithSearch(Query, word));

    protected void FilterStatus(string? status) => Filter(WithStatus(Query, status));

    protected void Sort(string sortBy) => Filter(WithPage(Query, PageOf(Query) with { SortBy = sortBy.Length == 0 ? null : sortBy }));

    protected void GoTo(PageRequest page) => Load(WithPage(Query, page));

    /// <summary>A text filter left blank filters on nothing.</summary>
    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    protected void SelectionChanged(HashSet<TItem> items) => Dispatcher.Dispatch(SelectAction(items.Select(State.Value.IdOf).ToList()));

    protected async Task OpenMenuAsync(DataGridRowClickEventArgs<TItem> args)
    {
        MenuItem = args.Item;
        await Menu.OpenMenuAsync(args.MouseEventArgs);
    }

    protected Task CloseMenuAsync() => Menu.CloseMenuAsync();

    protected override ValueTask DisposeAsyncCore()
    {
        _open?.Dispose();
        return base.DisposeAsyncCore();
    }
}
