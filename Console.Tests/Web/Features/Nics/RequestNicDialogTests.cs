using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.Nics;

namespace NicConsole.Tests.Web.Features.Nics;

public class RequestNicDialogTests : ConsoleTestContext
{
    private Task _requesting = Task.CompletedTask;

    /// <summary>Opens 申请 from the NIC page; the click's handler runs until the dialog closes.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        await StoreAsync();
        var providers = RenderWithProviders<NicsPage>(out var page);
        _requesting = page.Find("#nics-request").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#request-name");
        return providers;
    }

    private async Task<IReadOnlyList<string>> OpenPickerAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        await dialog.Find("#request-vxnet").ParentElement!.ParentElement!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForElement(".mud-list-item");
        return Popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
    }

    private async Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialog, string vxnet)
    {
        var choices = await OpenPickerAsync(dialog);
        choices.ShouldContain(c => c.Contains(vxnet));
        await Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(vxnet)).ClickAsync(new MouseEventArgs());
    }

    private async Task SubmitAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        dialog.WaitForAssertion(() => dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeFalse());
        await dialog.Find("#request-submit").ClickAsync(new MouseEventArgs());
        await _requesting;
        await (await StoreAsync()).WhenIdle();
    }

    private async Task<IReadOnlyList<string>> AddressesInAsync(string vxnet) =>
        (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { VxNetIds = [vxnet], Page = new(Limit: Limits.MaxPageSize) })).Ok()
            .Items.Select(n => n.PrivateIp.ToString()).ToList();

    [Fact]
    public async Task OffersOnlyVxNetsThatJoinedAVpcWithTheirAddressUse()
    {
        var joined = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(joined, 3);
        var loose = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "loose")).Ok()[0];
        var dialog = await OpenAsync();

        var choices = await OpenPickerAsync(dialog);

        choices.ShouldHaveSingleItem().ShouldContain($"{joined}, 172.16.1.0/24) 3/252");
        choices.ShouldNotContain(c => c.Mentions(loose));
        choices.ShouldNotContain(c => c.Mentions(ResourceIds.BasicVxNet));
    }

    [Fact]
    public async Task AFullVxNetIsNotOffered()
    {
        var vpc = await Harness.CreateVpcAsync();
        var full = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var roomy = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        await Harness.RequestNicsAsync(full, Limits.NicsPerVxNet);
        await Harness.RequestNicsAsync(roomy, Limits.NicsPerVxNet - 1);
        var dialog = await OpenAsync();

        var choices = await OpenPickerAsync(dialog);

        choices.ShouldHaveSingleItem().ShouldContain($"{roomy}, 172.16.2.0/24) 251/252");
    }

    [Fact]
    public async Task AManualAddressIsCheckedAsTypedAndOnlyAFreeAssignableOneCanBeSubmitted()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.2");
        var dialog = await OpenAsync();
        await ChooseAsync(dialog, vxnet);
        await dialog.Find("#ip-manual").ClickAsync(new MouseEventArgs());
        var refused = new (string Ip, string Message)[]
        {
            ("172.16.1.1", "IP [172.16.1.1] 是网关地址，不能分配"),
            ("172.16.1.254", "IP [172.16.1.254] 保留给 VPC 的 DHCP 与元数据服务，不能分配"),
            ("172.16.1.255", "IP [172.16.1.255] 是广播地址，不能分配"),
            ("172.16.2.10", "IP [172.16.2.10] 不在私有网络网段 [172.16.1.0/24] 之内"),
            ("172.16.1", "[172.16.1] 不是有效的 IPv4 地址"),
            ("172.16.1.2", $"IP [172.16.1.2] 在私有网络 [{vxnet}] 中已被占用"),
        };

        foreach (var (ip, message) in refused)
        {
            await dialog.Find("#request-ip").InputAsync(new ChangeEventArgs { Value = ip });

            dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain(message), TimeSpan.FromSeconds(5));
            dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeTrue($"{ip} must not be requested");
            dialog.Find("#next-free").TextContent.ShouldBe("可用地址：172.16.1.3, 172.16.1.4, 172.16.1.5, 172.16.1.6, 172.16.1.7");
        }

        await dialog.Find("#request-ip").InputAsync(new ChangeEventArgs { Value = "172.16.1.253" });
        dialog.WaitForAssertion(() => dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeFalse());
        dialog.Find(".mud-dialog").TextContent.ShouldNotContain("不能分配");
        await SubmitAsync(dialog);

        (await AddressesInAsync(vxnet)).ShouldBe(["172.16.1.2", "172.16.1.253"], ignoreOrder: true);
    }

    [Fact]
    public async Task AutomaticWithACountOfThreeTakesTheThreeLowestFreeAddresses()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.2");
        await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.4");
        var dialog = await OpenAsync();
        await ChooseAsync(dialog, vxnet);
        await dialog.Find("#request-name").ChangeAsync(new ChangeEventArgs { Value = "web" });

        await dialog.Find("#request-count").InputAsync(new ChangeEventArgs { Value = "3" });
        dialog.WaitForAssertion(() => dialog.Find("#next-free").TextContent.ShouldStartWith("可用地址：172.16.1.3, 172.16.1.5, 172.16.1.6"));
        await SubmitAsync(dialog);

        var nics = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { VxNetIds = [vxnet] })).Ok().Items.Where(n => n.Name == "web").ToList();
        nics.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.3", "172.16.1.5", "172.16.1.6"], ignoreOrder: true);
        nics.ShouldAllBe(n => n.Status == NicStatus.Available);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("253")]
    [InlineData("-1")]
    public async Task ACountOutsideOneTo252IsRefusedAsTypedAndCannotBeSubmitted(string count)
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var dialog = await OpenAsync();
        await ChooseAsync(dialog, vxnet);
        dialog.WaitForAssertion(() => dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeFalse());

        await dialog.Find("#request-count").InputAsync(new ChangeEventArgs { Value = count });

        dialog.WaitForAssertion(() => dialog.Find(".mud-dialog").TextContent.ShouldContain("数量必须在 1 到 252 之间"));
        dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeTrue();
        dialog.Find("#request-count").GetAttribute("value").ShouldBe(count);

        await dialog.Find("#request-count").InputAsync(new ChangeEventArgs { Value = "252" });

        dialog.WaitForAssertion(() => dialog.Find("#request-submit").HasAttribute("disabled").ShouldBeFalse());
        dialog.Find(".mud-dialog").TextContent.ShouldNotContain("数量必须在");
    }

    [Fact]
    public async Task CancellingRequestsNothing()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var dialog = await OpenAsync();
        await ChooseAsync(dialog, vxnet);

        await dialog.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new MouseEventArgs());
        await _requesting;
        await (await StoreAsync()).WhenIdle();

        (await AddressesInAsync(vxnet)).ShouldBeEmpty();
    }
}
