using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.VxNets;

namespace NicConsole.Tests.Web.Features.VxNets;

public class VxNetDetailTests : ConsoleTestContext
{
    /// <summary>Changes reach the page through the change feed and an effect; a busy machine needs more than the default second.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private string _vxnet = "";
    private string _server = "";
    private string _nic = "";

    /// <summary>A VxNet in a VPC with the gateway at .10, and NIC "db-link" at .77 attached to hosta as eth1.</summary>
    private async Task SceneAsync()
    {
        var vpc = await Harness.CreateVpcAsync();
        _vxnet = (await Harness.Get<CreateVxNets>().RunAsync(Operator, "demo-net")).Ok()[0];
        (await Harness.Get<JoinVpc>().RunAsync(Operator, new JoinVpc.Request(_vxnet, vpc, "172.16.1.0/24", ManagerIp: "172.16.1.10"))).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        _server = await Harness.RunServerAsync();
        _nic = (await Harness.Get<RequestNics>().RunAsync(Operator, new RequestNics.Request(_vxnet, "db-link", 1, ["172.16.1.77"]))).Ok()[0].NicId;
        await Harness.AttachAsync(_server, _nic);
        await StoreAsync();
    }

    private static async Task OpenAsync(IRenderedComponent<VxNetsPage> page, string vxnetId)
    {
        page.WaitForAssertion(() => page.Row("#vxnets-grid", vxnetId), Settle);
        // Found and clicked with no render between: a live reload may come.
        await page.InvokeAsync(() => page.Row("#vxnets-grid", vxnetId).QuerySelectorAll("td")[1].ClickAsync(new MouseEventArgs()));
        page.WaitForAssertion(() => page.Find("#vxnet-detail-id").TextContent.ShouldBe(vxnetId), Settle);
    }

    private static IElement Cell(IRenderedComponent<VxNetsPage> page, int host) => page.Find($"#address-map [data-ip='172.16.1.{host}']");

    [Fact]
    public async Task ARowClickOpensTheAddressMapWith256TypedCells()
    {
        await SceneAsync();
        RenderWithProviders<VxNetsPage>(out var page);

        await OpenAsync(page, _vxnet);

        page.Find("#vxnet-detail").ClassList.ShouldContain("mud-drawer--open");
        page.Find("#vxnet-detail-nics").TextContent.ShouldBe("1/252");
        var cells = page.FindAll("#address-map [data-ip]");
        cells.Count.ShouldBe(256);
        cells.Select(c => c.GetAttribute("data-ip")).ShouldBe(Enumerable.Range(0, 256).Select(h => $"172.16.1.{h}"));
        Cell(page, 0).GetAttribute("data-kind").ShouldBe("network");
        Cell(page, 10).GetAttribute("data-kind").ShouldBe("gateway");
        Cell(page, 1).GetAttribute("data-kind").ShouldBe("free");
        Cell(page, 254).GetAttribute("data-kind").ShouldBe("platform");
        Cell(page, 255).GetAttribute("data-kind").ShouldBe("broadcast");
        Cell(page, 77).GetAttribute("data-kind").ShouldBe("used");
        cells.Count(c => c.GetAttribute("data-kind") == "free").ShouldBe(251);
        page.Find("#address-map-legend [data-kind=free] .legend-count").TextContent.ShouldBe("251");
        page.Find("#address-map-legend [data-kind=used]").TextContent.ShouldContain("已用");
    }

    [Fact]
    public async Task AUsedCellNamesItsNicAndServerAndLinksToTheNic()
    {
        await SceneAsync();
        RenderWithProviders<VxNetsPage>(out var page);

        await OpenAsync(page, _vxnet);

        var used = Cell(page, 77);
        used.TagName.ShouldBe("A");
        used.GetAttribute("href").ShouldBe($"nics?search={Uri.EscapeDataString(_nic)}");
        used.GetAttribute("data-nic").ShouldBe(_nic);
        used.GetAttribute("title").ShouldBe($"172.16.1.77 · 已用 · 网卡 {_nic}（db-link）· 云服务器 hosta（{_server}）eth1");
        Cell(page, 10).TagName.ShouldBe("SPAN");
        Cell(page, 10).GetAttribute("title").ShouldBe("172.16.1.10 · 网关");
    }

    [Fact]
    public async Task AFreeCellOpensTheRequestDialogWithThatAddressAndTheCellTurnsUsed()
    {
        await SceneAsync();
        var providers = RenderWithProviders<VxNetsPage>(out var page);
        await OpenAsync(page, _vxnet);

        var requesting = Cell(page, 78).ClickAsync(new MouseEventArgs());

        providers.WaitForAssertion(() => providers.Find("#request-ip").GetAttribute("value").ShouldBe("172.16.1.78"), Settle);
        var dialog = providers.FindComponent<RequestNicDialog>();
        (dialog.Instance.VxNetId, dialog.Instance.PrivateIp).ShouldBe((_vxnet, "172.16.1.78"));
        providers.Find("#ip-manual").HasAttribute("checked").ShouldBeTrue();
        providers.WaitForAssertion(() => providers.Find("#request-submit").HasAttribute("disabled").ShouldBeFalse(), Settle);
        await providers.Find("#request-submit").ClickAsync(new MouseEventArgs());
        await requesting;

        page.WaitForAssertion(() => Cell(page, 78).GetAttribute("data-kind").ShouldBe("used"), Settle);
        var created = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { VxNetIds = [_vxnet] })).Ok().Items;
        created.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.77", "172.16.1.78"], ignoreOrder: true);
        page.Find("#vxnet-detail-nics").TextContent.ShouldBe("2/252");
    }

    [Fact]
    public async Task TheDrawersActionsAreDisabledWithTheirReasons()
    {
        await SceneAsync();
        RenderWithProviders<VxNetsPage>(out var page);

        await OpenAsync(page, _vxnet);

        page.Find("#detail-join").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#detail-leave").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#detail-delete-vxnet").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#detail-delete-vxnet").GetAttribute("title").ShouldBe($"私有网络 [{_vxnet}] 中还有 1 块网卡");
        page.Find("#vxnet-detail-reasons").TextContent.ShouldContain($"离开 VPC、删除: 私有网络 [{_vxnet}] 中还有 1 块网卡");
    }

    [Fact]
    public async Task AVxNetOutsideAVpcShowsAMessageInsteadOfTheMap()
    {
        var loose = (await Harness.Get<CreateVxNets>().RunAsync(Operator, "loose")).Ok()[0];
        await StoreAsync();
        RenderWithProviders<VxNetsPage>(out var page);

        await OpenAsync(page, loose);

        page.Find("#address-map-none").TextContent.ShouldContain("尚未加入 VPC");
        page.FindAll("#address-map").ShouldBeEmpty();
        page.Find("#detail-join").HasAttribute("disabled").ShouldBeFalse();
        page.Find("#detail-delete-vxnet").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task TheBasicNetworksFreeCellsTakeNoRequests()
    {
        await SceneAsync();
        RenderWithProviders<VxNetsPage>(out var page);

        await OpenAsync(page, ResourceIds.BasicVxNet);

        var free = page.Find("#address-map [data-ip='10.120.7.100']");
        free.GetAttribute("data-kind").ShouldBe("free");
        free.TagName.ShouldBe("SPAN");
        page.Find("#address-map-hint").TextContent.ShouldContain("基础网络");
    }

    [Fact]
    public async Task TheMapFollowsANicDeletedElsewhere()
    {
        await SceneAsync();
        var loose = (await Harness.RequestNicsAsync(_vxnet, 1, "172.16.1.90"))[0];
        RenderWithProviders<VxNetsPage>(out var page);
        await OpenAsync(page, _vxnet);
        Cell(page, 90).GetAttribute("data-kind").ShouldBe("used");

        (await Harness.Get<DeleteNics>().RunAsync(Operator, [loose])).Ok();

        page.WaitForAssertion(() => Cell(page, 90).GetAttribute("data-kind").ShouldBe("free"), Settle);
    }
}
