using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Nics;

public class NicDetailTests : ConsoleTestContext
{
    /// <summary>Changes reach the page through the change feed and an effect; a busy machine needs more than the default second.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private string _vxnet = "";
    private string _server = "";
    private string _primary = "";
    private string _nic = "";

    /// <summary>hosta running with its primary NIC, and one available NIC at 172.16.1.20.</summary>
    private async Task SceneAsync()
    {
        _vxnet = await Harness.CreateJoinedVxNetAsync();
        _server = await Harness.RunServerAsync();
        _primary = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { InstanceIds = [_server] })).Ok().Items.Single().Id;
        _nic = (await Harness.Get<RequestNics>().RunAsync(Operator, new RequestNics.Request(_vxnet, "db-link", 1, ["172.16.1.20"]))).Ok()[0].NicId;
        await StoreAsync();
    }

    private static IElement Row(IRenderedComponent<NicsPage> page, string nicId) =>
        page.Row("#nics-grid", nicId);

    private static async Task<IRenderedComponent<NicsPage>> OpenAsync(IRenderedComponent<NicsPage> page, string nicId)
    {
        page.WaitForAssertion(() => Row(page, nicId), Settle);
        // The name cell: a click on the row, not on its checkbox; found and clicked with no render between (a live reload may come).
        await page.InvokeAsync(() => Row(page, nicId).QuerySelectorAll("td")[2].ClickAsync(new MouseEventArgs()));
        page.WaitForAssertion(() => page.Find("#nic-detail-id").TextContent.ShouldBe(nicId), Settle);
        return page;
    }

    private static IReadOnlyList<string> Timeline(IRenderedComponent<NicsPage> page) =>
        page.FindAll("#nic-timeline .timeline-entry-content").Select(e => e.TextContent).ToList();

    [Fact]
    public async Task ARowClickOpensTheDrawerWithTheNicAndItsTimelineWithoutSelectingIt()
    {
        await SceneAsync();
        await Harness.AttachAsync(_server, _nic);
        RenderWithProviders<NicsPage>(out var page);

        await OpenAsync(page, _nic);

        page.Find("#nic-detail").ClassList.ShouldContain("mud-drawer--open");
        page.Find("#nic-detail-ip").TextContent.ShouldBe("172.16.1.20");
        page.Find("#nic-detail-server").TextContent.ShouldContain("hosta");
        page.Find("#nic-detail-server").TextContent.ShouldContain("eth1");
        page.Find("#nic-detail .status-chip").GetAttribute("data-state").ShouldBe("in-use");
        page.Find("#nic-detail").TextContent.ShouldContain("辅助网卡");
        var timeline = Timeline(page);
        timeline.Count.ShouldBe(2);
        timeline[0].ShouldContain($"在私有网络 net ({_vxnet}) 中创建，IP 172.16.1.20");
        timeline[0].ShouldContain(Operator.User);
        timeline[1].ShouldContain($"分配到云服务器 hosta ({_server})，成为 eth1");
        timeline[1].ShouldContain("成功");
        page.Find("#nics-attach").HasAttribute("disabled").ShouldBeTrue();
        Row(page, _nic).QuerySelector("input[type=checkbox]")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task ThePrimaryNicsDrawerDisablesEveryActionWithTheReason()
    {
        await SceneAsync();
        RenderWithProviders<NicsPage>(out var page);

        await OpenAsync(page, _primary);

        var reason = $"网卡 [{_primary}] 是云服务器 [{_server}] 的主网卡，不能解绑或删除";
        foreach (var id in new[] { "#detail-attach", "#detail-detach", "#detail-delete" })
        {
            page.Find(id).HasAttribute("disabled").ShouldBeTrue();
            page.Find(id).GetAttribute("title").ShouldBe(reason);
        }
        page.Find("#nic-detail-reasons").TextContent.ShouldBe($"分配到云服务器、解绑、删除: {reason}");
        Timeline(page).ShouldHaveSingleItem().ShouldContain($"随云服务器 hosta ({_server}) 创建，eth0，IP 10.120.7.");
    }

    [Fact]
    public async Task AnAvailableNicCanBeAttachedOrDeletedFromTheDrawerButNotDetached()
    {
        await SceneAsync();
        var providers = RenderWithProviders<NicsPage>(out var page);
        await OpenAsync(page, _nic);

        page.Find("#detail-attach").HasAttribute("disabled").ShouldBeFalse();
        page.Find("#detail-delete").HasAttribute("disabled").ShouldBeFalse();
        page.Find("#detail-detach").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#detail-detach").GetAttribute("title").ShouldBe($"网卡 [{_nic}] 的状态是 available，不是已绑定");

        var attaching = page.Find("#detail-attach").ClickAsync(new MouseEventArgs());

        providers.WaitForAssertion(() => providers.FindComponent<AttachNicDialog>().Instance.Nics.ShouldHaveSingleItem().Id.ShouldBe(_nic), Settle);
        await providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new MouseEventArgs());
        await attaching;
    }

    [Fact]
    public async Task TheDrawerFollowsAnAttachAsItsJobRuns()
    {
        await SceneAsync();
        RenderWithProviders<NicsPage>(out var page);
        await OpenAsync(page, _nic);
        Timeline(page).Count.ShouldBe(1);

        (await Harness.Get<AttachNics>().RunAsync(Operator with { User = "alice" }, [_nic], _server)).Ok();

        page.WaitForAssertion(() => page.Find("#nic-detail .status-chip").GetAttribute("data-state").ShouldBe("attaching"), Settle);
        page.WaitForAssertion(() => Timeline(page).Count.ShouldBe(2), Settle);
        Timeline(page)[1].ShouldContain("alice");
        Timeline(page)[1].ShouldContain("执行中");

        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => page.Find("#nic-detail .status-chip").GetAttribute("data-state").ShouldBe("in-use"), Settle);
        page.WaitForAssertion(() => Timeline(page)[1].ShouldContain("成功"), Settle);
        Timeline(page)[1].ShouldContain($"分配到云服务器 hosta ({_server})，成为 eth1");
        page.Find("#nic-detail-server").TextContent.ShouldContain("eth1");
        page.Find("#detail-detach").HasAttribute("disabled").ShouldBeFalse();
        page.Find("#detail-attach").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task AFailedAttachShowsTheErrorInTheTimeline()
    {
        await SceneAsync();
        RenderWithProviders<NicsPage>(out var page);
        await OpenAsync(page, _nic);

        using (Harness.DataPlane.FailWhen(_ => "host unreachable"))
        {
            await Harness.AttachAsync(_server, _nic);
        }

        page.WaitForAssertion(() => Timeline(page).Count.ShouldBe(2), Settle);
        page.WaitForAssertion(() => Timeline(page)[1].ShouldContain("失败：host unreachable"), Settle);
        page.Find("#nic-timeline .timeline-entry-content[data-result=failed]").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheDrawerShowsEnglishToAnEnglishOperator()
    {
        await SceneAsync();
        UseCulture("en-US");
        RenderWithProviders<NicsPage>(out var page);

        await OpenAsync(page, _nic);

        Timeline(page).ShouldHaveSingleItem().ShouldContain($"Created in net ({_vxnet}) with IP 172.16.1.20");
        page.Find("#nic-detail").TextContent.ShouldContain("Timeline");
    }

    [Fact]
    public async Task TheDrawerClosesWhenItsNicIsDeleted()
    {
        await SceneAsync();
        RenderWithProviders<NicsPage>(out var page);
        await OpenAsync(page, _nic);

        (await Harness.Get<DeleteNics>().RunAsync(Operator, [_nic])).Ok();

        page.WaitForAssertion(() => page.Find("#nic-detail").ClassList.ShouldNotContain("mud-drawer--open"), Settle);
        page.FindAll("#nic-detail-id").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheCloseButtonClosesTheDrawer()
    {
        await SceneAsync();
        RenderWithProviders<NicsPage>(out var page);
        await OpenAsync(page, _nic);

        await page.Find("#nic-detail-close").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#nic-detail").ClassList.ShouldNotContain("mud-drawer--open"), Settle);
    }
}
