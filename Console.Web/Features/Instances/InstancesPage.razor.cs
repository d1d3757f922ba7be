using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using Transition = NicConsole.Domain.Common.Transition;

namespace NicConsole.Web.Features.Instances;

/// <summary>The server list: launch, and start, stop, restart or terminate from the toolbar (selection) or a row's right-click menu.</summary>
public partial class InstancesPage
{
    private static readonly InstanceStatus[] Statuses = [InstanceStatus.Pending, InstanceStatus.Running, InstanceStatus.Stopped];

    private MudMenu _menu = default!;
    private InstanceView? _menuItem;

    [Inject]
    private IState<InstancesState> State { get; set; } = default!;

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

    private IReadOnlyList<InstanceView> Selected => State.Value.SelectedItems;

    private string? StatusFilter => State.Value.Query.Statuses.Count == 1 ? State.Value.Query.Statuses[0].ApiName() : null;

    /// <summary>Opens the list on the servers in one status (<c>?status=…</c>), as the dashboard links it.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? ForStatus { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<CommandSucceededAction>(a => Snackbar.Add(a.Message, Severity.Success));
        SubscribeToAction<CommandFailedAction>(a => Snackbar.Add(a.Message, Severity.Error));
        SubscribeToAction<ResourcesChangedAction>(_ => Load(State.Value.Query));
        if (ForStatus is { Length: > 0 } status)
        {
            FilterStatus(status);
        }
        else
        {
            Load(State.Value.Query);
        }
    }

    private void Load(InstanceQuery query) => Dispatcher.Dispatch(new LoadInstancesAction(query));

    private void Search(string? word) => Load(State.Value.Query with { SearchWord = word, Page = State.Value.Query.Page with { Offset = 0 } });

    private void FilterStatus(string? status) => Load(State.Value.Query with
    {
        Statuses = Statuses.Where(s => s.ApiName() == status).ToList(),
        Page = State.Value.Query.Page with { Offset = 0 },
    });

    private void SelectionChanged(HashSet<InstanceView> items) => Dispatcher.Dispatch(new SelectInstancesAction(items.Select(i => i.Id).ToList()));

    private async Task OpenMenuAsync(DataGridRowClickEventArgs<InstanceView> args)
    {
        _menuItem = args.Item;
        await _menu.OpenMenuAsync(args.MouseEventArgs);
    }

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
        await _menu.CloseMenuAsync();
        if (await InstanceChanges.ConfirmAsync(Dialogs, T, servers, change))
        {
            Dispatcher.Dispatch(new ChangeInstancesAction(servers.Select(s => s.Id).ToList(), change));
        }
    }
}
