using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Nics.Detail;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Operations;
using NicConsole.Web.Features.Operations.Store;
using NicConsole.Web.Features.Overview;
using NicConsole.Web.Features.Vpcs;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Features.VxNets;
using NicConsole.Web.Features.VxNets.Detail;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// A VPC, VxNet, NIC and server named like markup show that name as text wherever it appears: lists, drawers, the
/// server's page, the dashboard and the operation log. The markup holds the escaped text and no element it names.
/// </summary>
public class NamesRenderAsText : ConsoleTestContext
{
    private static readonly string[] HostileNames = ["<script>alert(1)</script>", "<b>x</b>"];

    private static readonly string[] Surfaces =
        ["VPC list and drawer", "VxNet list and drawer", "NIC list and drawer", "server list", "server page", "dashboard", "operation log"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var name in HostileNames)
        {
            foreach (var surface in Surfaces)
            {
                cases.Add(name, surface);
            }
        }
        return cases;
    }

    private string _vpc = "";
    private string _vxnet = "";
    private string _nic = "";
    private string _server = "";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheNameShowsLiterallyAndNoElementItNamesExists(string name, string surface)
    {
        await SceneAsync(name);

        var (page, places) = await RenderAsync(surface);

        page.WaitForAssertion(() => places.ShouldAllBe(place => page.FindAll(place).Any(e => e.TextContent.Contains(name))), TimeSpan.FromSeconds(10));
        page.Markup.ShouldContain(WebUtility.HtmlEncode(name).Replace("&#39;", "'"));
        var (tag, inner) = name.StartsWith("<script>") ? ("script", "alert(1)") : ("b", "x");
        page.FindAll(tag).Where(e => e.TextContent == inner).ShouldBeEmpty();
        page.FindAll("script").ShouldBeEmpty();
    }

    /// <summary>Every resource named <paramref name="name"/>; the NIC renamed to it, so the log's detail carries it too.</summary>
    private async Task SceneAsync(string name)
    {
        _vpc = (await Harness.Get<CreateVpcs>().RunAsync(Harness.Context, name, "172.16.0.0/16")).Ok().ResourceIds[0];
        await Harness.Jobs.RunAllPendingAsync();
        _vxnet = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, name)).Ok()[0];
        (await Harness.Get<JoinVpc>().RunAsync(Harness.Context, new JoinVpc.Request(_vxnet, _vpc, "172.16.1.0/24"))).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        _server = (await Harness.Get<RunInstances>().RunAsync(Harness.Context, new RunInstances.Request(name, [new NetworkChoice(_vxnet)]))).Ok().ResourceIds[0];
        await Harness.Jobs.RunAllPendingAsync();
        _nic = (await Harness.Get<RequestNics>().RunAsync(Harness.Context, new RequestNics.Request(_vxnet, "plain"))).Ok()[0].NicId;
        (await Harness.Get<ModifyNic>().RunAsync(Harness.Context, new ModifyNic.Request(_nic, name))).Ok();
        await Harness.AttachAsync(_server, _nic);
        await StoreAsync();
    }

    /// <summary>Renders the surface and opens its drawer; returns the page and the places where the name must show.</summary>
    private async Task<(IRenderedComponent<IComponent> Page, string[] Places)> RenderAsync(string surface)
    {
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        switch (surface)
        {
            case "VPC list and drawer":
            {
                RenderWithProviders<VpcsPage>(out var page);
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadVpcDetailAction(_vpc)));
                return (page, ["#vpcs-grid tbody tr", "#vpc-detail-name"]);
            }
            case "VxNet list and drawer":
            {
                RenderWithProviders<VxNetsPage>(out var page);
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadVxNetDetailAction(_vxnet)));
                return (page, ["#vxnets-grid tbody tr", "#vxnet-detail-name"]);
            }
            case "NIC list and drawer":
            {
                RenderWithProviders<NicsPage>(out var page);
                await page.InvokeAsync(() => dispatcher.Dispatch(new LoadNicDetailAction(_nic)));
                return (page, ["#nics-grid tbody tr", "#nic-detail-name"]);
            }
            case "server list":
            {
                RenderWithProviders<InstancesPage>(out var page);
                return (page, ["#instances-grid tbody tr"]);
            }
            case "server page":
            {
                RenderWithProviders<InstanceDetailPage>(out var page);
                page.Render(ps => ps.Add(p => p.InstanceId, _server));
                return (page, ["#instance-name", "#instance-nics tbody tr"]);
            }
            case "dashboard":
            {
                RenderWithProviders<OverviewPage>(out var page);
                return (page, [$"#fullest-vxnets [data-id='{_vxnet}'] .usage-link", $"#fullest-servers [data-id='{_server}'] .usage-link"]);
            }
            case "operation log":
            {
                RenderWithProviders<OperationsPage>(out var page);
                var entry = (await Harness.Get<OperationQueries>().QueryAsync(Operator, new OperationQuery())).Ok().Items.First(e => e.Action == "ModifyNicAttributes");
                await page.InvokeAsync(() => dispatcher.Dispatch(new ShowOperationAction(entry)));
                return (page, ["#operation-message"]);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(surface), surface, null);
        }
    }
}
