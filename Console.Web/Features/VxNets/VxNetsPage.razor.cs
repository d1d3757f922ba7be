using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Features.VxNets.Detail;
using NicConsole.Web.Features.VxNets.Store;

namespace NicConsole.Web.Features.VxNets;

/// <summary>The VxNet list: create, join a VPC, leave, delete, each from the row's right-click menu; a detail drawer with the address map.</summary>
public partial class VxNetsPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<VxNetView, string>> IdColumn = x => x.Id;
    private static readonly Expression<Func<VxNetView, string>> NameColumn = x => x.Name;
    private static readonly Expression<Func<VxNetView, Cidr?>> SubnetColumn = x => x.Subnet;

    /// <summary>Opens the list searched for a word, such as a VxNet's id (<c>/vxnets?search=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "search")]
    public string? SearchFor { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Only the VxNets joined to this VPC (<c>/vxnets?vpc=rtr-…</c>), as the VPC list's menu opens it.</summary>
    [SupplyParameterFromQuery(Name = "vpc")]
    public string? VpcId { get; set; }

    /// <summary>The first read waits for the address: <see cref="OnParametersSet"/> reads what it asks for, now and when it changes.</summary>
    protected override void Open()
    {
    }

    protected override void OnParametersSet()
    {
        // Opened from another page: searched for a word (?search=) or narrowed to one VPC (?vpc=).
        IReadOnlyList<string> vpcs = string.IsNullOrEmpty(VpcId) ? [] : [VpcId];
        var query = Query;
        var word = SearchFor is { Length: > 0 } search ? search : query.SearchWord;
        Load(query.VpcIds.SequenceEqual(vpcs) && query.SearchWord == word
            ? query
            : query with { VpcIds = vpcs, SearchWord = word, Page = query.Page with { Offset = 0 } });
    }

    /// <summary>VxNets that pass the filters, the VxNets and VPCs the rows name, the NICs in them (the rows count them).</summary>
    protected override LiveScope Scope => new(ResourceKinds.VxNet)
    {
        Ids = LiveScope.Set(Query.Ids),
        Within = [LiveScope.Set(Query.VpcIds)],
        Shown = LiveScope.Set(State.Value.Items.SelectMany(x => new[] { x.Id, x.VpcId }).Concat(Query.VpcIds)),
        Counting = LiveScope.Set(State.Value.Items.Select(x => x.Id)),
        AnyOf = LiveScope.Set([SortBy switch { "nics" => ResourceKinds.Nic, "vpc" => ResourceKinds.Vpc, _ => null }]),
    };

    protected override LoadListAction<VxNetQuery> LoadAction(VxNetQuery query) => new LoadVxNetsAction(query);

    protected override PageRequest PageOf(VxNetQuery query) => query.Page;

    protected override VxNetQuery WithPage(VxNetQuery query, PageRequest page) => query with { Page = page };

    protected override VxNetQuery WithSearch(VxNetQuery query, string? word) => query with { SearchWord = word };

    private void OpenDetail(DataGridRowClickEventArgs<VxNetView> args) => Dispatcher.Dispatch(new LoadVxNetDetailAction(args.Item.Id));

    private void Leave(VxNetView vxnet) => Dispatcher.Dispatch(new LeaveVpcAction(vxnet.VpcId!, vxnet.Id));

    private void Delete(VxNetView vxnet) => Dispatcher.Dispatch(new DeleteVxNetsAction([vxnet.Id]));

    /// <summary>A free address of the map: the NIC request dialog, prefilled with this VxNet and address, sent as the NIC list sends it.</summary>
    private async Task RequestNicAsync((string VxNetId, IpAddress Ip) free)
    {
        var parameters = new DialogParameters<RequestNicDialog> { { d => d.VxNetId, free.VxNetId }, { d => d.PrivateIp, free.Ip.ToString() } };
        var dialog = await Dialogs.ShowAsync<RequestNicDialog>(T["Nics.Request"], parameters);
        if (await dialog.Result is { Canceled: false, Data: RequestNics.Request request })
        {
            Dispatcher.Dispatch(new RequestNicsAction(request));
        }
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateVxNetDialog>(T["VxNets.Create"]);
        if (await dialog.Result is { Canceled: false, Data: (string name, int count) })
        {
            Dispatcher.Dispatch(new CreateVxNetsAction(name, count));
        }
    }

    private async Task JoinAsync(VxNetView vxnet)
    {
        await CloseMenuAsync();
        var parameters = new DialogParameters<JoinVpcDialog> { { d => d.VxNetId, vxnet.Id } };
        var dialog = await Dialogs.ShowAsync<JoinVpcDialog>(T["VxNets.Join"], parameters);
        if (await dialog.Result is { Canceled: false, Data: JoinVpc.Request request })
        {
            Dispatcher.Dispatch(new JoinVpcAction(request));
        }
    }
}
