using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Localization;
using Transition = NicConsole.Domain.Common.Transition;

namespace NicConsole.Web.Features.Instances;

/// <summary>The server list: launch, and start, stop, restart or terminate from the toolbar (selection) or a row's right-click menu.</summary>
public partial class InstancesPage
{
    // A PropertyColumn compiles its expression whenever it is handed a new one, and a lambda in the markup is new at
    // every render (a grid's every refresh compiled each column again); these are made once.
    private static readonly Expression<Func<InstanceView, string>> NameColumn = i => i.Name;
    private static readonly Expression<Func<InstanceView, string>> ImageColumn = i => i.ImageId;

    private static readonly InstanceStatus[] Statuses = [InstanceStatus.Pending, InstanceStatus.Running, InstanceStatus.Stopped];

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    protected override string? StatusFilter => Query.Statuses is [var one] ? one.ApiName() : null;

    /// <summary>Servers that pass the filters, the servers, NICs and VxNets the rows name, the NICs in them and in the VxNet filtered on.</summary>
    protected override LiveScope Scope => new(ResourceKinds.Instance)
    {
        Ids = LiveScope.Set(Query.Ids),
        Statuses = LiveScope.Set(Query.Statuses.Select(s => s.ApiName())),
        Shown = LiveScope.Set(State.Value.Items.SelectMany(i => i.Nics.SelectMany(n => new[] { n.NicId, n.VxNetId }).Append(i.Id)).Append(Query.VxNetId)),
        Counting = LiveScope.Set(State.Value.Items.Select(i => i.Id).Append(Query.VxNetId)),
    };

    protected override LoadListAction<InstanceQuery> LoadAction(InstanceQuery query) => new LoadInstancesAction(query);

    protected override SelectListAction<InstanceQuery> SelectAction(IReadOnlyCollection<string> ids) => new SelectInstancesAction(ids);

    protected override PageRequest PageOf(InstanceQuery query) => query.Page;

    protected override InstanceQuery WithPage(InstanceQuery query, PageRequest page) => query with { Page = page };

    protected override InstanceQuery WithSearch(InstanceQuery query, string? word) => query with { SearchWord = word };

    protected override InstanceQuery WithStatus(InstanceQuery query, string? status) => query with { Statuses = Statuses.Where(s => s.ApiName() == status).ToList() };

    private async Task LaunchAsync()
    {
        var dialog = await Dialogs.ShowAsync<LaunchInstanceDialog>(T["Instances.Launch"]);
        if (await dialog.Result is { Canceled: false, Data: RunInstances.Request request })
        {
            Dispatcher.Dispatch(new LaunchInstancesAction(request));
        }
    }

    private async Task ChangeAsync(IReadOnlyList<InstanceView> servers, Transition change)
    {
        await CloseMenuAsync();
        if (await InstanceChanges.ConfirmAsync(Dialogs, T, servers, change))
        {
            Dispatcher.Dispatch(new ChangeInstancesAction(servers.Select(s => s.Id).ToList(), change));
        }
    }
}
