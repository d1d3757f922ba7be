using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Transition = NicConsole.Domain.Common.Transition;
using NicConsole.Web.Features.Vpcs;
using NicConsole.Web.Features.VxNets;

namespace NicConsole.Tests.Web.Features.Vpcs;

public class VpcsPageTests : ConsoleTestContext
{
    /// <summary>A VPC with one joined VxNet, and an empty one.</summary>
    private async Task<(string Busy, string Empty, string VxNet)> SceneAsync()
    {
        var busy = await Harness.CreateVpcAsync();
        var vxnet = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", busy);
        var empty = await Harness.CreateVpcAsync("192.168.0.0/16");
        await StoreAsync();
        return (busy, empty, vxnet);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<VpcsPage> page, string vpcId) =>
        page.Row("#vpcs-grid", vpcId);

    private async Task RightClickAsync(IRenderedComponent<VpcsPage> page, string vpcId)
    {
        await Row(page, vpcId).ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForElement("#menu-delete-vpc");
    }

    private static bool IsDisabled(AngleSharp.Dom.IElement item) => item.GetAttribute("aria-disabled") == "true";

    private async Task<VpcView?> VpcAsync(string id) =>
        (await Harness.Get<VpcQueries>().QueryAsync(Operator, new VpcQuery { Ids = [id] })).Ok().Items.SingleOrDefault();

    [Fact]
    public async Task ListsVpcsWithTheirRangeStatusAndVxNetCount()
    {
        var (busy, empty, _) = await SceneAsync();

        RenderWithProviders<VpcsPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        Row(page, busy).TextContent.ShouldContain("172.16.0.0/16");
        Row(page, busy).QuerySelector(".vxnet-count")!.TextContent.ShouldBe("1");
        Row(page, busy).QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("active");
        Row(page, empty).TextContent.ShouldContain("192.168.0.0/16");
        Row(page, empty).QuerySelector(".vxnet-count")!.TextContent.ShouldBe("0");
        page.Find(".list-total").TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task TheMenuOfAVpcWithAVxNetDisablesDeleteAndSaysWhy()
    {
        var (busy, _, _) = await SceneAsync();
        RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));

        await RightClickAsync(page, busy);

        var delete = Popovers.Find("#menu-delete-vpc");
        IsDisabled(delete).ShouldBeTrue();
        delete.QuerySelector(".disabled-reason")!.TextContent.ShouldBe($"VPC 网络 [{busy}] 中还有 1 个私有网络");
        IsDisabled(Popovers.Find("#menu-modify-vpc")).ShouldBeFalse();
        IsDisabled(Popovers.Find("#menu-vpc-vxnets")).ShouldBeFalse();
    }

    [Fact]
    public async Task AnEmptyVpcIsDeletedOnceConfirmedAndItsJobHasRun()
    {
        var (_, empty, _) = await SceneAsync();
        var providers = RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        await RightClickAsync(page, empty);
        IsDisabled(Popovers.Find("#menu-delete-vpc")).ShouldBeFalse();
        Popovers.Find("#menu-delete-vpc").QuerySelector(".disabled-reason").ShouldBeNull();

        var deleting = Popovers.Find("#menu-delete-vpc").ClickAsync(new MouseEventArgs());
        providers.WaitForElement(".mud-message-box");
        providers.Find(".mud-message-box").TextContent.ShouldContain(empty);
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("删除")).ClickAsync(new MouseEventArgs());
        await deleting;

        page.WaitForAssertion(() => Row(page, empty).QuerySelector(".status-chip")!.GetAttribute("data-state").ShouldBe("deleting"));
        (await VpcAsync(empty))!.Transition.ShouldBe(Transition.Deleting);

        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(1));
        page.Find("#vpcs-grid tbody").TextContent.ShouldNotContain(empty);
        (await VpcAsync(empty)).ShouldBeNull();
    }

    [Fact]
    public async Task CancellingTheConfirmationKeepsTheVpc()
    {
        var (_, empty, _) = await SceneAsync();
        var providers = RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        await RightClickAsync(page, empty);

        var deleting = Popovers.Find("#menu-delete-vpc").ClickAsync(new MouseEventArgs());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new MouseEventArgs());
        await deleting;

        (await VpcAsync(empty))!.Transition.ShouldBe(Transition.None);
    }

    [Fact]
    public async Task TheCreateDialogWaitsForANameAndSendsTheChosenRange()
    {
        await StoreAsync();
        var providers = RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.Find("#vpcs-grid").TextContent.ShouldContain("暂无 VPC"));

        var creating = page.Find("#vpcs-create").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#create-vpc-submit");

        providers.Find("#create-vpc-submit").HasAttribute("disabled").ShouldBeTrue();
        await providers.Find("#create-vpc-name").InputAsync(new ChangeEventArgs { Value = "   " });
        providers.Find("#create-vpc-submit").HasAttribute("disabled").ShouldBeTrue();
        providers.WaitForAssertion(() => providers.Find(".mud-dialog").TextContent.ShouldContain("请输入名称"));
        await providers.Find("#create-vpc-name").InputAsync(new ChangeEventArgs { Value = "核心网" });
        providers.Find("#create-vpc-submit").HasAttribute("disabled").ShouldBeFalse();
        var ranges = await OpenSelectAsync(providers, "#create-vpc-range");
        ranges.Count.ShouldBe(Vpc.AllowedRanges.Count);
        await ranges.Single(i => i.TextContent.Trim() == "172.20.0.0/16").ClickAsync(new MouseEventArgs());
        await providers.Find("#create-vpc-submit").ClickAsync(new MouseEventArgs());
        await creating;

        // One wait for the row and its text: the grid may show a row while it still loads.
        page.WaitForAssertion(() =>
        {
            page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(1);
            page.Find("#vpcs-grid tbody").TextContent.ShouldContain("核心网");
            page.Find("#vpcs-grid tbody").TextContent.ShouldContain("172.20.0.0/16");
        });
        var created = (await Harness.Get<VpcQueries>().QueryAsync(Operator, new VpcQuery())).Ok().Items.Single();
        created.Name.ShouldBe("核心网");
        created.Network.ToString().ShouldBe("172.20.0.0/16");

        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => page.Find("#vpcs-grid tbody .status-chip").GetAttribute("data-state").ShouldBe("active"));
    }

    [Fact]
    public async Task TheModifyDialogIsPrefilledAndRenames()
    {
        var (busy, _, _) = await SceneAsync();
        (await Harness.Get<ModifyVpc>().RunAsync(Operator, busy, "老名字", "生产")).Ok();
        var providers = RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => Row(page, busy).TextContent.ShouldContain("老名字"));
        await RightClickAsync(page, busy);

        var modifying = Popovers.Find("#menu-modify-vpc").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#modify-vpc-submit");

        providers.Find("#modify-vpc-name").GetAttribute("value").ShouldBe("老名字");
        providers.Find("#modify-vpc-description").TextContent.ShouldBe("生产");
        providers.Find("#modify-vpc-submit").HasAttribute("disabled").ShouldBeTrue();
        await providers.Find("#modify-vpc-name").InputAsync(new ChangeEventArgs { Value = new string('x', Limits.NameLength + 1) });
        providers.Find("#modify-vpc-submit").HasAttribute("disabled").ShouldBeTrue();
        providers.Find(".mud-dialog").TextContent.ShouldContain($"名称不能超过 {Limits.NameLength} 个字符");
        await providers.Find("#modify-vpc-name").InputAsync(new ChangeEventArgs { Value = "新名字" });
        await providers.Find("#modify-vpc-submit").ClickAsync(new MouseEventArgs());
        await modifying;

        page.WaitForAssertion(() => Row(page, busy).TextContent.ShouldContain("新名字"));
        var vpc = (await VpcAsync(busy))!;
        vpc.Name.ShouldBe("新名字");
        vpc.Description.ShouldBe("生产");
    }

    [Fact]
    public async Task BulkDeleteIsDisabledWithTheReasonWhenASelectedVpcHasVxNets()
    {
        var (busy, empty, _) = await SceneAsync();
        RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        page.Find("#vpcs-delete").HasAttribute("disabled").ShouldBeTrue();

        await Row(page, empty).QuerySelector("input[type=checkbox]")!.ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => page.Find("#vpcs-delete").HasAttribute("disabled").ShouldBeFalse());
        await Row(page, busy).QuerySelector("input[type=checkbox]")!.ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => page.Find("#vpcs-delete").HasAttribute("disabled").ShouldBeTrue());
        page.Find("#vpcs-delete").GetAttribute("title").ShouldBe($"VPC 网络 [{busy}] 中还有 1 个私有网络");
        page.Find("#vpcs-modify").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ClickingARowOpensItsDetailWithTheJoinedVxNets()
    {
        var (busy, _, vxnet) = await SceneAsync();
        RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));

        await Row(page, busy).QuerySelectorAll("td")[2].ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#vpc-detail-vxnets").TextContent.ShouldContain(vxnet));
        page.Find("#vpc-detail").ClassList.ShouldContain("mud-drawer--open");
        page.Find("#vpc-detail").TextContent.ShouldContain("172.16.0.0/16");
        page.Find("#vpc-detail-vxnets").TextContent.ShouldContain("172.16.1.0/24");
        page.Find("#detail-delete-vpc").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#detail-delete-vpc").GetAttribute("title").ShouldBe($"VPC 网络 [{busy}] 中还有 1 个私有网络");
        page.Find("#vpcs-modify").HasAttribute("disabled").ShouldBeTrue();

        await page.Find("#vpc-detail-close").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#vpc-detail").ClassList.ShouldNotContain("mud-drawer--open"));
    }

    [Fact]
    public async Task TheDetailFollowsAVxNetLeavingTheVpc()
    {
        var (busy, _, vxnet) = await SceneAsync();
        RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        await Row(page, busy).QuerySelectorAll("td")[2].ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("#vpc-detail-vxnets").TextContent.ShouldContain(vxnet));

        (await Harness.Get<LeaveVpc>().RunAsync(Operator, busy, [vxnet])).Ok();
        await Harness.Jobs.RunAllPendingAsync();

        // The drawer and the list reload separately, each when the change reaches it: on a busy machine, not within a second.
        // The leave commits, then its job settles: each is a change, and the drawer may show the first before the second.
        page.WaitForAssertion(() =>
        {
            page.Find("#vpc-detail-no-vxnets").TextContent.ShouldContain("还没有私有网络");
            page.Find("#detail-delete-vpc").HasAttribute("disabled").ShouldBeFalse();
        }, TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Row(page, busy).QuerySelector(".vxnet-count")!.TextContent.ShouldBe("0"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TheMenuOpensTheVxNetListOfThatVpc()
    {
        var (busy, _, _) = await SceneAsync();
        RenderWithProviders<VpcsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#vpcs-grid tbody tr").Count.ShouldBe(2));
        await RightClickAsync(page, busy);

        await Popovers.Find("#menu-vpc-vxnets").ClickAsync(new MouseEventArgs());

        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/vxnets?vpc={busy}");
    }

    [Fact]
    public async Task TheVxNetListOpenedForAVpcShowsOnlyItsVxNets()
    {
        var (busy, empty, vxnet) = await SceneAsync();
        var other = await Harness.CreateJoinedVxNetAsync("192.168.3.0/24", empty);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/vxnets?vpc={busy}");

        RenderWithProviders<VxNetsPage>(out var page);

        page.WaitForAssertion(() =>
        {
            page.FindAll("#vxnets-grid tbody tr").Count.ShouldBe(1);
            page.HasRow("#vxnets-grid", vxnet).ShouldBeTrue();
        });
        page.Find("#vxnets-grid tbody").TextContent.ShouldNotContain(other);
        page.Find("#vxnets-vpc-filter").TextContent.ShouldContain(busy);
    }

    /// <summary>Opens a select in the dialog and returns its items as the popover shows them.</summary>
    private async Task<IReadOnlyList<AngleSharp.Dom.IElement>> OpenSelectAsync(IRenderedComponent<MudDialogProvider> providers, string id)
    {
        var select = providers.FindComponents<MudSelect<string>>().Single(s => s.Find(id) is not null);
        await select.InvokeAsync(select.Instance.OpenMenu);
        Popovers.WaitForElement(".mud-popover-open .mud-list-item");
        return Popovers.FindAll(".mud-popover-open .mud-list-item");
    }
}
