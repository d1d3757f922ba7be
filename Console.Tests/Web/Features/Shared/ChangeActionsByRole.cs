using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Web.Features.ApiKeys;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Features.Jobs;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Nics.Detail;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Overview;
using NicConsole.Web.Features.Vpcs;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Features.VxNets;
using NicConsole.Web.Features.VxNets.Detail;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Features.Wizard;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// Every page's change actions (toolbar, right-click menu, drawer, address map, retry, wizard) by role: a Viewer sees
/// each one disabled with the domain's read-only refusal, read actions stay enabled, and an Operator gets them all.
/// Each surface opens on resources for which its actions apply, so only the role can disable them.
/// </summary>
public class ChangeActionsByRole : ConsoleTestContext
{
    public enum Kind
    {
        /// <summary>Changes resources: disabled with the reason for a Viewer.</summary>
        Change,

        /// <summary>Reads (open, view, export, search): enabled for everyone.</summary>
        Read,
    }

    /// <summary>Page (and what is open on it) × action, found by id; {…} names a resource of the scene.</summary>
    public static readonly (string Surface, string Action, Kind Kind)[] Matrix =
    [
        ("VPCs", "#vpcs-create", Kind.Change),
        ("VPCs", "#vpcs-modify", Kind.Change),
        ("VPCs", "#vpcs-delete", Kind.Change),
        ("VPCs", "#menu-modify-vpc", Kind.Change),
        ("VPCs", "#menu-delete-vpc", Kind.Change),
        ("VPCs", "#detail-modify-vpc", Kind.Change),
        ("VPCs", "#detail-delete-vpc", Kind.Change),
        ("VPCs", "#vpcs-search", Kind.Read),
        ("VPCs", "#vpcs-export", Kind.Read),
        ("VPCs", "#vpcs-refresh", Kind.Read),
        ("VPCs", "#menu-vpc-vxnets", Kind.Read),
        ("VPCs", "#detail-vpc-vxnets", Kind.Read),

        ("VxNets, one outside a VPC", "#vxnets-create", Kind.Change),
        ("VxNets, one outside a VPC", "#menu-join", Kind.Change),
        ("VxNets, one outside a VPC", "#menu-delete-vxnet", Kind.Change),
        ("VxNets, one outside a VPC", "#detail-join", Kind.Change),
        ("VxNets, one outside a VPC", "#detail-delete-vxnet", Kind.Change),
        ("VxNets, one outside a VPC", "#vxnets-search", Kind.Read),
        ("VxNets, one outside a VPC", "#vxnets-export", Kind.Read),
        ("VxNets, one outside a VPC", "#vxnet-detail-close", Kind.Read),

        ("VxNets, an empty one in a VPC (address map)", "#menu-leave", Kind.Change),
        ("VxNets, an empty one in a VPC (address map)", "#detail-leave", Kind.Change),
        ("VxNets, an empty one in a VPC (address map)", "#address-map [data-ip='172.16.2.5']", Kind.Change),

        ("NICs, an available one", "#nics-request", Kind.Change),
        ("NICs, an available one", "#nics-modify", Kind.Change),
        ("NICs, an available one", "#nics-attach", Kind.Change),
        ("NICs, an available one", "#nics-delete", Kind.Change),
        ("NICs, an available one", "#menu-modify", Kind.Change),
        ("NICs, an available one", "#menu-attach", Kind.Change),
        ("NICs, an available one", "#menu-delete", Kind.Change),
        ("NICs, an available one", "#detail-modify", Kind.Change),
        ("NICs, an available one", "#detail-attach", Kind.Change),
        ("NICs, an available one", "#detail-delete", Kind.Change),
        ("NICs, an available one", "#nics-search", Kind.Read),
        ("NICs, an available one", "#nics-export", Kind.Read),
        ("NICs, an available one", "#nics-refresh", Kind.Read),
        ("NICs, an available one", "#nic-detail-close", Kind.Read),

        ("NICs, one in use", "#nics-detach", Kind.Change),
        ("NICs, one in use", "#menu-detach", Kind.Change),
        ("NICs, one in use", "#detail-detach", Kind.Change),

        ("Servers", "#instances-launch", Kind.Change),
        ("Servers", "#instances-stopping", Kind.Change),
        ("Servers", "#instances-restarting", Kind.Change),
        ("Servers", "#instances-terminating", Kind.Change),
        ("Servers", "#menu-stopping", Kind.Change),
        ("Servers", "#menu-restarting", Kind.Change),
        ("Servers", "#menu-terminating", Kind.Change),
        ("Servers", "#menu-open", Kind.Read),
        ("Servers", "#instances-search", Kind.Read),
        ("Servers", "#instances-export", Kind.Read),

        ("Server page", "#instance-stopping", Kind.Change),
        ("Server page", "#instance-restarting", Kind.Change),
        ("Server page", "#instance-terminating", Kind.Change),
        ("Server page", "#instance-nics tbody tr:nth-child(2) .detach", Kind.Change),

        ("Jobs, a stuck one", "#menu-job-retry", Kind.Change),
        ("Jobs, a stuck one", "#menu-job-detail", Kind.Read),
        ("Jobs, a stuck one", "#jobs-export", Kind.Read),
        ("Jobs, a stuck one", "#jobs-refresh", Kind.Read),

        ("Dashboard, a stuck job", "#retry-{stuck}", Kind.Change),
        ("Dashboard, a stuck job", "#all-operations", Kind.Read),

        ("Wizard", "#wizard-next", Kind.Change),

        // Every user manages their own API keys, a Viewer too.
        ("API keys", "#create-key", Kind.Read),
    ];

    private readonly FakeTimeProvider _time;
    private readonly Dictionary<string, string> _scene = [];

    public ChangeActionsByRole()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)))
    {
    }

    private ChangeActionsByRole(FakeTimeProvider time)
        : base(time) => _time = time;

    public static TheoryData<string> Surfaces() => new(Matrix.Select(row => row.Surface).Distinct());

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task AViewerSeesEveryChangeDisabledWithTheDomainsReasonAndEveryReadEnabled(string surface)
    {
        await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Viewer);
        var reason = Services.GetRequiredService<ErrorText>()[DomainErrors.ReadOnlyRole(CurrentOperator.DefaultUser)];

        var find = await OpenAsync(surface);

        foreach (var (_, action, kind) in Matrix.Where(row => row.Surface == surface))
        {
            var element = find(Resolve(action));
            if (kind == Kind.Change)
            {
                IsEnabled(element).ShouldBeFalse($"{surface}: {action} is enabled for a Viewer");
                Says(element, reason).ShouldBeTrue($"{surface}: {action} does not say why: {element.OuterHtml}");
            }
            else
            {
                IsEnabled(element).ShouldBeTrue($"{surface}: {action} is disabled for a Viewer");
                Says(element, reason).ShouldBeFalse($"{surface}: {action} claims a refusal");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task AnOperatorGetsEveryActionEnabled(string surface)
    {
        await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Operator);

        var find = await OpenAsync(surface);

        foreach (var (_, action, _) in Matrix.Where(row => row.Surface == surface))
        {
            IsEnabled(find(Resolve(action))).ShouldBeTrue($"{surface}: {action} is disabled for an Operator");
        }
    }

    /// <summary>A button or link without <c>disabled</c>, a menu item without <c>aria-disabled</c>; a map cell only when it is a button.</summary>
    private static bool IsEnabled(IElement element) =>
        element.LocalName != "span" && !element.HasAttribute("disabled") && element.GetAttribute("aria-disabled") != "true";

    /// <summary>The reason sits in the title (buttons, map cells) or in the item's text (menu items).</summary>
    private static bool Says(IElement element, string reason) =>
        (element.GetAttribute("title") ?? "").Contains(reason) || element.TextContent.Contains(reason);

    private string Resolve(string action) => _scene.Aggregate(action, (text, resource) => text.Replace($"{{{resource.Key}}}", resource.Value));

    /// <summary>
    /// Two VPCs (one empty), a VxNet outside any VPC, two in one (one empty), hosta running with an in-use NIC (eth1) and
    /// an available one, and hostb whose stop job has been pending longer than the stuck limit.
    /// </summary>
    private async Task SceneAsync()
    {
        var vpc = await Harness.CreateVpcAsync();
        _scene["emptyVpc"] = await Harness.CreateVpcAsync("192.168.0.0/16");
        var joined = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        _scene["emptyVxNet"] = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        _scene["looseVxNet"] = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "loose")).Ok()[0];
        _scene["server"] = await Harness.RunServerAsync("hosta");
        var nics = await Harness.RequestNicsAsync(joined, 2, "172.16.1.10", "172.16.1.11");
        (_scene["available"], _scene["inUse"]) = (nics[0], nics[1]);
        await Harness.AttachAsync(_scene["server"], _scene["inUse"]);
        var hostb = await Harness.RunServerAsync("hostb");
        _scene["stuck"] = (await Harness.Get<StopInstances>().RunAsync(Harness.Context, [hostb])).Ok().JobId;
        _time.Advance(Services.GetRequiredService<StuckJobPolicy>().Limit + TimeSpan.FromSeconds(1));
        await StoreAsync();
    }

    /// <summary>Renders the surface's page and opens what it needs (selection, right-click menu, drawer); returns how to find an action.</summary>
    private async Task<Func<string, IElement>> OpenAsync(string surface)
    {
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        switch (surface)
        {
            case "VPCs":
            {
                RenderWithProviders<VpcsPage>(out var page);
                var id = _scene["emptyVpc"];
                await OpenRowAsync(page, "#vpcs-grid", id);
                await page.InvokeAsync(() => dispatcher.Dispatch(new SelectVpcsAction([id])));
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadVpcDetailAction(id)));
                return Finder(page, "#menu-delete-vpc", "#detail-delete-vpc");
            }
            case "VxNets, one outside a VPC":
            case "VxNets, an empty one in a VPC (address map)":
            {
                RenderWithProviders<VxNetsPage>(out var page);
                var id = _scene[surface.Contains("outside") ? "looseVxNet" : "emptyVxNet"];
                await OpenRowAsync(page, "#vxnets-grid", id);
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadVxNetDetailAction(id)));
                return Finder(page, "#menu-join", "#vxnet-detail-id", surface.Contains("map") ? "#address-map" : "#detail-join");
            }
            case "NICs, an available one":
            case "NICs, one in use":
            {
                RenderWithProviders<NicsPage>(out var page);
                var id = _scene[surface.Contains("available") ? "available" : "inUse"];
                await OpenRowAsync(page, "#nics-grid", id);
                await page.InvokeAsync(() => dispatcher.Dispatch(new SelectNicsAction([id])));
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadNicDetailAction(id)));
                return Finder(page, "#menu-attach", "#nic-detail-reasons");
            }
            case "Servers":
            {
                RenderWithProviders<InstancesPage>(out var page);
                var id = _scene["server"];
                await OpenRowAsync(page, "#instances-grid", id);
                await page.InvokeAsync(() => dispatcher.Dispatch(new SelectInstancesAction([id])));
                return Finder(page, "#menu-stopping", "#instances-stopping");
            }
            case "Server page":
            {
                RenderWithProviders<InstanceDetailPage>(out var page);
                page.Render(ps => ps.Add(p => p.InstanceId, _scene["server"]));
                return Finder(page, "#instance-nics tbody tr:nth-child(2) .detach", "#instance-stopping");
            }
            case "Jobs, a stuck one":
            {
                RenderWithProviders<JobsPage>(out var page);
                await OpenRowAsync(page, "#jobs-grid", _scene["stuck"]);
                return Finder(page, "#menu-job-retry");
            }
            case "Dashboard, a stuck job":
            {
                RenderWithProviders<OverviewPage>(out var page);
                return Finder(page, $"#retry-{_scene["stuck"]}");
            }
            case "Wizard":
            {
                RenderWithProviders<WizardPage>(out var page);
                return Finder(page, "#wizard-next");
            }
            case "API keys":
            {
                RenderWithProviders<ApiKeysPage>(out var page);
                return Finder(page, "#create-key");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(surface), surface, "A surface of the matrix without a way to open it");
        }
    }

    private async Task OpenRowAsync<T>(IRenderedComponent<T> page, string grid, string id) where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.WaitForAssertion(() => page.Row(grid, id), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => page.Row(grid, id).ContextMenuAsync(new MouseEventArgs()));
    }

    /// <summary>Waits until the surface shows <paramref name="ready"/> (page or open menu), then finds actions in either.</summary>
    private Func<string, IElement> Finder<T>(IRenderedComponent<T> page, params string[] ready) where T : Microsoft.AspNetCore.Components.IComponent
    {
        IElement? Find(string selector) => page.FindAll(selector).FirstOrDefault() ?? Popovers.FindAll(selector).FirstOrDefault();
        page.WaitForAssertion(() => ready.Where(selector => Find(selector) is null).ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        return selector => Find(selector) ?? throw new ShouldAssertException($"No {selector} on the page or in its menu");
    }
}
