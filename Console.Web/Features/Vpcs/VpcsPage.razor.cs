using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Vpcs;

/// <summary>The VPC list: one server-side page at a time, filters and sort, right-click and bulk actions, a detail drawer.</summary>
public partial class VpcsPage
{
    /// <summary>The statuses a listed VPC can have: deleted and ceased VPCs are never listed.</summary>
    private static readonly VpcStatus[] ListedStatuses = [VpcStatus.Pending, VpcStatus.Active];

    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    private MudMenu _menu = default!;
    private VpcView? _menuItem;

    [Inject]
    private IState<VpcsState> State { get; set; } = default!;

    [Inject]
    private IState<VpcDetailState> Detail { get; set; } = default!;

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

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private IReadOnlyList<VpcView> Selected => State.Value.SelectedItems;

    private string? StatusFilter => State.Value.Query.Statuses.Count == 1 ? State.Value.Query.Statuses[0].ApiName() : null;

    /// <summary>Opens the list on the VPCs in one status (<c>?status=…</c>), as the dashboard links it.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? ForStatus { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<CommandSucceededAction>(a => Snackbar.Add(a.Message, Severity.Success));
        SubscribeToAction<CommandFailedAction>(a => Snackbar.Add(a.Message, Severity.Error));
        // Any committed change (this operator's, another's, a finished job) may touch this page: read it again.
        SubscribeToAction<ResourcesChangedAction>(_ =>
        {
            Reload();
            if (Detail.Value.VpcId is { } open)
            {
                Dispatcher.Dispatch(new LoadVpcDetailAction(open));
            }
        });
        if (Detail.Value.VpcId is not null)
        {
            CloseDetail();
        }
        if (ForStatus is { Length: > 0 } status)
        {
            FilterStatus(status);
        }
        else
        {
            Reload();
        }
    }

    private void Reload() => Dispatcher.Dispatch(new LoadVpcsAction(State.Value.Query));

    private void Load(VpcQuery query) => Dispatcher.Dispatch(new LoadVpcsAction(query));

    private void Search(string? word) =>
        Load(State.Value.Query with { SearchWord = word, Page = State.Value.Query.Page with { Offset = 0 } });

    private void FilterStatus(string? status) => Load(State.Value.Query with
    {
        Statuses = ListedStatuses.Where(s => s.ApiName() == status).ToList(),
        Page = State.Value.Query.Page with { Offset = 0 },
    });

    private void Sort(string sortBy) =>
        Load(State.Value.Query with { Page = State.Value.Query.Page with { SortBy = sortBy.Length == 0 ? null : sortBy, Offset = 0 } });

    private void SelectionChanged(HashSet<VpcView> items) => Dispatcher.Dispatch(new SelectVpcsAction(items.Select(v => v.Id).ToList()));

    private async Task OpenMenuAsync(DataGridRowClickEventArgs<VpcView> args)
    {
        _menuItem = args.Item;
        await _menu.OpenMenuAsync(args.MouseEventArgs);
    }

    private void OpenDetail(DataGridRowClickEventArgs<VpcView> args) => Dispatcher.Dispatch(new LoadVpcDetailAction(args.Item.Id));

    private void DetailOpenChanged(bool open)
    {
        if (!open)
        {
            CloseDetail();
        }
    }

    private void CloseDetail() => Dispatcher.Dispatch(new CloseVpcDetailAction());

    private string? ModifyRefusal(IReadOnlyList<VpcView> vpcs) => Guard.Why(vpcs.Count == 1 ? null : T["Vpcs.SelectOne"].Value);

    /// <summary>Why the selected VPCs cannot be deleted together: the operator's role, the first one's own refusal, or nothing selected.</summary>
    private string? DeleteRefusal(IReadOnlyList<VpcView> vpcs) => Guard.Why(
        vpcs.Count == 0 ? T["Vpcs.Selected", 0].Value : vpcs.Select(v => v.DeleteRefusal()).FirstOrDefault(e => e is not null) is { } error ? Errors[error] : null);

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateVpcDialog>(T["Vpcs.Create"], FormOptions);
        if (await dialog.Result is { Canceled: false, Data: CreateVpcsAction create })
        {
            Dispatcher.Dispatch(create);
        }
    }

    private async Task ModifyAsync(VpcView vpc)
    {
        await _menu.CloseMenuAsync();
        var parameters = new DialogParameters<ModifyVpcDialog> { { d => d.Vpc, vpc } };
        var dialog = await Dialogs.ShowAsync<ModifyVpcDialog>(T["Vpcs.Modify"], parameters, FormOptions);
        if (await dialog.Result is { Canceled: false, Data: ModifyVpcAction modify })
        {
            Dispatcher.Dispatch(modify);
        }
    }

    private async Task ShowVxNetsAsync(VpcView vpc)
    {
        await _menu.CloseMenuAsync();
        CloseDetail();
        Navigation.NavigateTo($"vxnets?vpc={Uri.EscapeDataString(vpc.Id)}");
    }

    private async Task DeleteAsync(IReadOnlyList<VpcView> vpcs)
    {
        await _menu.CloseMenuAsync();
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Vpcs.Delete"], T["Vpcs.DeleteConfirm", vpcs.Count, string.Join(", ", vpcs.Select(v => v.Id))],
            yesText: T["Vpcs.Delete"], cancelText: T["Common.Cancel"]);
        if (confirmed == true)
        {
            Dispatcher.Dispatch(new DeleteVpcsAction(vpcs.Select(v => v.Id).ToList()));
        }
    }
}
