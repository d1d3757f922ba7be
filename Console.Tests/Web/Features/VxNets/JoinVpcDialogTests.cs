using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.VxNets;

namespace NicConsole.Tests.Web.Features.VxNets;

public class JoinVpcDialogTests : ConsoleTestContext
{
    private Task _joining = Task.CompletedTask;
    private IRenderedComponent<VxNetsPage> _page = default!;

    /// <summary>Right-clicks <paramref name="vxnet"/> and chooses 加入 VPC; the menu's handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string vxnet)
    {
        await StoreAsync();
        var providers = RenderWithProviders<VxNetsPage>(out _page);
        _page.WaitForAssertion(() => _page.HasRow("#vxnets-grid", vxnet).ShouldBeTrue());
        await _page.InvokeAsync(() => _page.Row("#vxnets-grid", vxnet).ContextMenuAsync(new MouseEventArgs()));
        Popovers.WaitForElement("#menu-join");
        _joining = Popovers.Find("#menu-join").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#join-subnet");
        return providers;
    }

    private async Task<IReadOnlyList<string>> OpenVpcPickerAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        await dialog.Find("#join-vpc").ParentElement!.ParentElement!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForElement(".mud-list-item");
        return Popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
    }

    private async Task ChooseVpcAsync(IRenderedComponent<MudDialogProvider> dialog, string vpc)
    {
        await OpenVpcPickerAsync(dialog);
        await Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains(vpc)).ClickAsync(new MouseEventArgs());
    }

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> dialog, string field, string text) =>
        dialog.Find($"#join-{field}").InputAsync(new ChangeEventArgs { Value = text });

    private static void ShouldRefuse(IRenderedComponent<MudDialogProvider> dialog, string message)
    {
        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain(message));
        dialog.Find("#join-submit").HasAttribute("disabled").ShouldBeTrue(message);
        dialog.FindAll("#join-preview").ShouldBeEmpty();
    }

    private static void ShouldPreview(IRenderedComponent<MudDialogProvider> dialog, string preview)
    {
        dialog.WaitForAssertion(() => dialog.Find("#join-preview").TextContent.Trim().ShouldBe(preview));
        dialog.Find("#join-submit").HasAttribute("disabled").ShouldBeFalse();
    }

    private async Task<string> NewVxNetAsync() => (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "fresh")).Ok()[0];

    [Fact]
    public async Task ThePickerShowsEachVpcWithItsRange()
    {
        var core = await Harness.CreateVpcAsync();
        var lab = (await Harness.Get<CreateVpcs>().RunAsync(Harness.Context, "lab", "192.168.0.0/16")).Ok().ResourceIds[0];
        await Harness.Jobs.RunAllPendingAsync();
        var vxnet = await NewVxNetAsync();
        var dialog = await OpenAsync(vxnet);

        var choices = await OpenVpcPickerAsync(dialog);

        choices.ShouldBe([$"lab ({lab}, 192.168.0.0/16)", $"vpc ({core}, 172.16.0.0/16)"], ignoreOrder: true);
    }

    [Fact]
    public async Task ASubnetOutsideTheVpcOverlappingMalformedOrNotA24IsRefusedAsTyped()
    {
        var vpc = await Harness.CreateVpcAsync();
        var sibling = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var vxnet = await NewVxNetAsync();
        var dialog = await OpenAsync(vxnet);
        await ChooseVpcAsync(dialog, vpc);

        await TypeAsync(dialog, "subnet", "192.168.1.0/24");
        ShouldRefuse(dialog, "网段 [192.168.1.0/24] 不在 VPC 网段 [172.16.0.0/16] 之内");

        await TypeAsync(dialog, "subnet", "172.16.1.0/24");
        ShouldRefuse(dialog, $"网段 [172.16.1.0/24] 与同一 VPC 中的私有网络 [{sibling}] 重叠");

        await TypeAsync(dialog, "subnet", "172.16.300.0/24");
        ShouldRefuse(dialog, "[172.16.300.0/24] 不是有效的 /24 网段");

        await TypeAsync(dialog, "subnet", "172.16.0.0/16");
        ShouldRefuse(dialog, "[172.16.0.0/16] 不是有效的 /24 网段");
    }

    [Fact]
    public async Task AGoodSubnetPreviewsItsGatewayAndDhcpRange()
    {
        var vpc = await Harness.CreateVpcAsync();
        var dialog = await OpenAsync(await NewVxNetAsync());
        dialog.Find("#join-submit").HasAttribute("disabled").ShouldBeTrue("nothing chosen yet");

        await ChooseVpcAsync(dialog, vpc);
        await TypeAsync(dialog, "subnet", "172.16.5.0/24");

        ShouldPreview(dialog, "网关 172.16.5.1，DHCP 172.16.5.2 - 172.16.5.254，可分配 252 个地址");
    }

    [Fact]
    public async Task AChangedGatewayOrDhcpRangeIsCheckedAndPreviewed()
    {
        var vpc = await Harness.CreateVpcAsync();
        var dialog = await OpenAsync(await NewVxNetAsync());
        await ChooseVpcAsync(dialog, vpc);
        await TypeAsync(dialog, "subnet", "172.16.5.0/24");
        ShouldPreview(dialog, "网关 172.16.5.1，DHCP 172.16.5.2 - 172.16.5.254，可分配 252 个地址");

        await TypeAsync(dialog, "gateway", "172.16.5.255");
        ShouldRefuse(dialog, "网关 [172.16.5.255] 必须在 [172.16.5.0/24] 之内，且不能是 .0、.254 或 .255");
        await TypeAsync(dialog, "gateway", "172.16.6.1");
        ShouldRefuse(dialog, "网关 [172.16.6.1] 必须在 [172.16.5.0/24] 之内");
        await TypeAsync(dialog, "gateway", "172.16.5.10");
        ShouldPreview(dialog, "网关 172.16.5.10，DHCP 172.16.5.2 - 172.16.5.254，可分配 252 个地址");

        await TypeAsync(dialog, "dhcp-start", "172.16.5.100");
        await TypeAsync(dialog, "dhcp-end", "172.16.5.50");
        ShouldRefuse(dialog, "DHCP 地址范围 [172.16.5.100]-[172.16.5.50] 必须在 [172.16.5.0/24] 之内，且起始地址不能大于结束地址");
        await TypeAsync(dialog, "dhcp-end", "172.16.6.200");
        ShouldRefuse(dialog, "DHCP 地址范围 [172.16.5.100]-[172.16.6.200]");
        await TypeAsync(dialog, "dhcp-end", "172.16.5.200");
        ShouldPreview(dialog, "网关 172.16.5.10，DHCP 172.16.5.100 - 172.16.5.200，可分配 252 个地址");

        await TypeAsync(dialog, "dhcp-start", "");
        await TypeAsync(dialog, "dhcp-end", "");
        ShouldPreview(dialog, "网关 172.16.5.10，DHCP 172.16.5.2 - 172.16.5.254，可分配 252 个地址");
    }

    [Fact]
    public async Task ConfirmingStartsTheJoinAndTheVxNetShowsTheVpcOnceTheJobRan()
    {
        var vpc = await Harness.CreateVpcAsync();
        var vxnet = await NewVxNetAsync();
        var dialog = await OpenAsync(vxnet);
        await ChooseVpcAsync(dialog, vpc);
        await TypeAsync(dialog, "subnet", "172.16.5.0/24");
        await TypeAsync(dialog, "gateway", "172.16.5.10");
        ShouldPreview(dialog, "网关 172.16.5.10，DHCP 172.16.5.2 - 172.16.5.254，可分配 252 个地址");

        await dialog.Find("#join-submit").ClickAsync(new MouseEventArgs());
        await _joining;
        await (await StoreAsync()).WhenIdle();
        await Harness.Jobs.RunAllPendingAsync();

        _page.WaitForAssertion(() =>
        {
            var row = _page.Row("#vxnets-grid", vxnet).TextContent;
            row.ShouldContain(vpc);
            row.ShouldContain("172.16.5.0/24");
        });
        var joined = (await Harness.Get<VxNetQueries>().QueryAsync(Operator, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single();
        joined.VpcId.ShouldBe(vpc);
        joined.Gateway.ShouldNotBeNull().ToString().ShouldBe("172.16.5.10");
    }
}
