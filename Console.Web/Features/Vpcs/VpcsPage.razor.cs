using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Vpcs;

/// <summary>The VPC list: one server-side page at a time, filters and sort, right-click and bulk actions, a detail drawer.</summary>
public partial class VpcsPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<VpcView, string>> IdColumn = v => v.Id;
    private static readonly Expression<Func<VpcView, string>> NameColumn = v => v.Name;
    private static readonly Expression<Func<VpcView, Cidr>> NetworkColumn = v => v.Network;

    /// <summary>The statuses a listed VPC can have: deleted and ceased VPCs are never listed.</summary>
    private static readonly VpcStatus[] ListedStatuses = [VpcStatus.Pending, VpcStatus.Active];

    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    [Inject]
    private IState<VpcDetailState> Detail { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override string? StatusFilter => Query.Statuses is [var one] ? one.ApiName() : null;

    protected override void Open()
    {
        if (Detail.Value.VpcId is not null)
        {
            CloseDetail();
        }
        base.Open();
    }

    /// <summary>VPCs that pass the filters, the VPCs and the VxNet the page names, the VxNets in them (the rows count them).</summary>
    protected override LiveScope Scope => new(ResourceKinds.Vpc)
    {
        Ids = LiveScope.Set(Query.Ids),
        Statuses = LiveScope.Set(Query.Statuses.Select(s => s.ApiName())),
        Shown = LiveScope.Set(State.Value.Items.Select(v => v.Id).Append(Query.VxNetId)),
        Counting = LiveScope.Set(State.Value.Items.Select(v => v.Id)),
        AnyOf = LiveScope.Set([SortBy == "vxnets" ? ResourceKinds.VxNet : null]),
    };

    /// <summary>A change may touch the open VPC too (it, or what sits in it): its drawer reads it again.</summary>
    protected override void OnResourcesChanged(IReadOnlyList<ResourceChange> changes)
    {
        base.OnResourcesChanged(changes);
        if (Detail.Value.VpcId is { } open && LiveScope.One(ResourceKinds.Vpc, open).IsAlteredBy(changes))
        {
            Dispatcher.Dispatch(new LoadVpcDetailAction(open));
        }
    }

    protected override LoadListAction<VpcQuery> LoadAction(VpcQuery query) => new LoadVpcsAction(query);

    protected override SelectListAction<VpcQuery> SelectAction(IReadOnlyCollection<string> ids) => new SelectVpcsAction(ids);

    protected override PageRequest PageOf(VpcQuery query) => query.Page;

    protected override VpcQuery WithPage(VpcQuery query, PageRequest page) => query with { Page = page };

    protected override VpcQuery WithSearch(VpcQuery query, string? word) => query with { SearchWord = word };

    protected override VpcQuery WithStatus(VpcQuery query, string? status) => query with { Statuses = ListedStatuses.Where(s => s.ApiName() == status).ToList() };

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
        await CloseMenuAsync();
        var parameters = new DialogParameters<ModifyVpcDialog> { { d => d.Vpc, vpc } };
        var dialog = await Dialogs.ShowAsync<ModifyVpcDialog>(T["Vpcs.Modify"], parameters, FormOptions);
        if (await dialog.Result is { Canceled: false, Data: ModifyVpcAction modify })
        {
            Dispatcher.Dispatch(modify);
        }
    }

    private async Task ShowVxNetsAsync(VpcView vpc)
    {
        await CloseMenuAsync();
        CloseDetail();
        Navigation.NavigateTo($"vxnets?vpc={Uri.EscapeDataString(vpc.Id)}");
    }

    private async Task DeleteAsync(IReadOnlyList<VpcView> vpcs)
    {
        await CloseMenuAsync();
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Vpcs.Delete"], T["Vpcs.DeleteConfirm", vpcs.Count, string.Join(", ", vpcs.Select(v => v.Id))],
            yesText: T["Vpcs.Delete"], cancelText: T["Common.Cancel"]);
        if (confirmed == true)
        {
            Dispatcher.Dispatch(new DeleteVpcsAction(vpcs.Select(v => v.Id).ToList()));
        }
    }
}
