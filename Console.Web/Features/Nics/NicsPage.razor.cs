using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Nics.Detail;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Nics;

/// <summary>The NIC list: one server-side page at a time, filters and sort, right-click and bulk actions, a detail drawer.</summary>
public partial class NicsPage
{
    private MudMenu _menu = default!;
    private NicView? _menuItem;

    [Inject]
    private IState<NicsState> State { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens the list searched for a word, such as a NIC's id (<c>/nics?search=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "search")]
    public string? SearchFor { get; set; }

    private IReadOnlyList<NicView> Selected => State.Value.SelectedItems;

    private string? StatusFilter => State.Value.Query.Statuses.Count == 1 ? State.Value.Query.Statuses[0].ApiName() : null;

    /// <summary>Opens the list on the NICs in one status (<c>?status=…</c>), as the dashboard links it.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? ForStatus { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<CommandSucceededAction>(a => Snackbar.Add(a.Message, Severity.Success));
        SubscribeToAction<CommandFailedAction>(a => Snackbar.Add(a.Message, Severity.Error));
        // Any committed change (this operator's, another's, a finished job) may touch this page: read it again.
        SubscribeToAction<ResourcesChangedAction>(_ => Reload());
        if (SearchFor is { Length: > 0 } word)
        {
            Search(word);
        }
        else if (ForStatus is { Length: > 0 } status)
        {
            FilterStatus(status);
        }
        else
        {
            Reload();
        }
    }

    private void Reload() => Dispatcher.Dispatch(new LoadNicsAction(State.Value.Query));

    private void Load(NicQuery query) => Dispatcher.Dispatch(new LoadNicsAction(query));

    private void Search(string? word) =>
        Load(State.Value.Query with { SearchWord = word, Page = State.Value.Query.Page with { Offset = 0 } });

    private void FilterStatus(string? status) => Load(State.Value.Query with
    {
        Statuses = Enum.GetValues<NicStatus>().Where(s => s.ApiName() == status).ToList(),
        Page = State.Value.Query.Page with { Offset = 0 },
    });

    private void Sort(string sortBy) =>
        Load(State.Value.Query with { Page = State.Value.Query.Page with { SortBy = sortBy.Length == 0 ? null : sortBy, Offset = 0 } });

    private void SelectionChanged(HashSet<NicView> items) => Dispatcher.Dispatch(new SelectNicsAction(items.Select(n => n.Id).ToList()));

    private async Task OpenMenuAsync(DataGridRowClickEventArgs<NicView> args)
    {
        _menuItem = args.Item;
        await _menu.OpenMenuAsync(args.MouseEventArgs);
    }

    private void OpenDetail(DataGridRowClickEventArgs<NicView> args) => Dispatcher.Dispatch(new LoadNicDetailAction(args.Item.Id));

    /// <summary>Why a bulk action cannot run on these NICs: the operator's role, the first NIC's own refusal, or nothing selected.</summary>
    private string? BulkRefusal(IReadOnlyList<NicView> nics, Func<NicView, DomainError?> refusal) =>
        Guard.Why(nics.Count == 0 ? T["Nics.Selected", 0].Value : nics.Select(refusal).FirstOrDefault(e => e is not null) is { } error ? Errors[error] : null);

    private string? AttachRefusal(IReadOnlyList<NicView> nics) => BulkRefusal(nics, n => n.AttachRefusal());

    private string? DetachRefusal(IReadOnlyList<NicView> nics) => BulkRefusal(nics, n => n.DetachRefusal());

    private string? DeleteRefusal(IReadOnlyList<NicView> nics) => BulkRefusal(nics, n => n.DeleteRefusal());

    /// <summary>One NIC at a time is modified from the toolbar.</summary>
    private string? ModifyRefusal => Guard.Why(Selected.Count == 1 ? null : T["Nics.SelectOne"].Value);

    private async Task ModifyAsync(NicView nic)
    {
        await _menu.CloseMenuAsync();
        var parameters = new DialogParameters<ModifyNicDialog> { { d => d.Nic, nic } };
        var dialog = await Dialogs.ShowAsync<ModifyNicDialog>(T["Nics.Modify"], parameters);
        if (await dialog.Result is { Canceled: false, Data: ModifyNic.Request request })
        {
            Dispatcher.Dispatch(new ModifyNicAction(request));
        }
    }

    private async Task RequestAsync()
    {
        var dialog = await Dialogs.ShowAsync<RequestNicDialog>(T["Nics.Request"]);
        if (await dialog.Result is { Canceled: false, Data: RequestNics.Request request })
        {
            Dispatcher.Dispatch(new RequestNicsAction(request));
        }
    }

    private async Task AttachAsync(IReadOnlyList<NicView> nics)
    {
        await _menu.CloseMenuAsync();
        var parameters = new DialogParameters<AttachNicDialog> { { d => d.Nics, nics } };
        var dialog = await Dialogs.ShowAsync<AttachNicDialog>(T["Nics.Attach"], parameters);
        if (await dialog.Result is { Canceled: false, Data: string server })
        {
            Dispatcher.Dispatch(new AttachNicsAction(nics.Select(n => n.Id).ToList(), server));
        }
    }

    private void Detach(IReadOnlyList<NicView> nics) => Dispatcher.Dispatch(new DetachNicsAction(nics.Select(n => n.Id).ToList()));

    private async Task DeleteAsync(IReadOnlyList<NicView> nics)
    {
        await _menu.CloseMenuAsync();
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Nics.Delete"], T["Nics.DeleteConfirm", nics.Count], yesText: T["Nics.Delete"], cancelText: T["Common.Cancel"]);
        if (confirmed == true)
        {
            Dispatcher.Dispatch(new DeleteNicsAction(nics.Select(n => n.Id).ToList()));
        }
    }
}
