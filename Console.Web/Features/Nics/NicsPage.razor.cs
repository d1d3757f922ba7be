using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Nics.Detail;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Nics;

/// <summary>The NIC list: one server-side page at a time, filters and sort, right-click and bulk actions, a detail drawer.</summary>
public partial class NicsPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<NicView, string>> IdColumn = n => n.Id;
    private static readonly Expression<Func<NicView, string>> NameColumn = n => n.Name;
    private static readonly Expression<Func<NicView, IpAddress>> IpColumn = n => n.PrivateIp;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <summary>Opens the list searched for a word, such as a NIC's id (<c>/nics?search=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "search")]
    public string? SearchFor { get; set; }

    /// <summary>Opens the list on one VxNet's NICs (<c>/nics?vxnet=…</c>), as the VxNet's drawer links it.</summary>
    [SupplyParameterFromQuery(Name = "vxnet")]
    public string? ForVxNet { get; set; }

    protected override string? StatusFilter => Query.Statuses is [var one] ? one.ApiName() : null;

    protected override void Open()
    {
        if (SearchFor is { Length: > 0 } word)
        {
            Search(word);
        }
        else if (ForVxNet is { Length: > 0 } vxnet)
        {
            FilterVxNet(vxnet);
        }
        else
        {
            base.Open();
        }
    }

    /// <summary>
    /// NICs that pass the filters (a search word or VxNet type is not decided here: any NIC change may alter those), the
    /// NICs, VxNets and servers the rows name, and the VxNets and servers filtered on; sorted by VxNet or server name,
    /// any VxNet or server.
    /// </summary>
    protected override LiveScope Scope => new(ResourceKinds.Nic)
    {
        AnyOf = LiveScope.Set([SortBy switch { "vxnet" => ResourceKinds.VxNet, "instance" => ResourceKinds.Instance, _ => null }]),
        Ids = LiveScope.Set(Query.Ids),
        Statuses = LiveScope.Set(Query.Statuses.Select(s => s.ApiName())),
        Within = [LiveScope.Set(Query.VxNetIds), LiveScope.Set(Query.InstanceIds)],
        Shown = LiveScope.Set(State.Value.Items.SelectMany(n => new[] { n.Id, n.VxNetId, n.InstanceId }).Concat(Query.VxNetIds).Concat(Query.InstanceIds)),
    };

    protected override LoadListAction<NicQuery> LoadAction(NicQuery query) => new LoadNicsAction(query);

    protected override SelectListAction<NicQuery> SelectAction(IReadOnlyCollection<string> ids) => new SelectNicsAction(ids);

    protected override PageRequest PageOf(NicQuery query) => query.Page;

    protected override NicQuery WithPage(NicQuery query, PageRequest page) => query with { Page = page };

    protected override NicQuery WithSearch(NicQuery query, string? word) => query with { SearchWord = word };

    protected override NicQuery WithStatus(NicQuery query, string? status) =>
        query with { Statuses = Enum.GetValues<NicStatus>().Where(s => s.ApiName() == status).ToList() };

    /// <summary>The VxNet filtered on, by name as its rows show it, and its id.</summary>
    private string VxNetLabel(string vxnet) =>
        State.Value.Items.FirstOrDefault(n => string.Equals(n.VxNetId, vxnet, StringComparison.OrdinalIgnoreCase)) is { } row ? $"{row.VxNetName} ({vxnet})" : vxnet;

    private void FilterVxNet(string? vxnet) => Filter(Query with { VxNetIds = vxnet is null ? [] : [vxnet] });

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
        await CloseMenuAsync();
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
        await CloseMenuAsync();
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
        await CloseMenuAsync();
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Nics.Delete"], T["Nics.DeleteConfirm", nics.Count], yesText: T["Nics.Delete"], cancelText: T["Common.Cancel"]);
        if (confirmed == true)
        {
            Dispatcher.Dispatch(new DeleteNicsAction(nics.Select(n => n.Id).ToList()));
        }
    }
}
