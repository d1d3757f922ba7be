using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class NicsPageE2E(BrowserFixture browser)
{
    [Fact]
    public async Task ThePrimaryNicsDetachItemIsDisabledWithItsReason()
    {
        await using var session = await browser.OpenAsync(nameof(ThePrimaryNicsDetachItemIsDisabledWithItsReason), "/nics");
        var page = session.Page;
        var row = page.Locator("#nics-grid tbody tr", new() { HasText = "10.120.7.40" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await session.StepAsync("list");

        await row.ClickAsync(new() { Button = MouseButton.Right });

        var detach = page.Locator(".mud-popover-open #menu-detach");
        await Assertions.Expect(detach).ToBeVisibleAsync();
        await Assertions.Expect(detach).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(detach).ToContainTextAsync("主网卡");
        await session.StepAsync("menu");
    }

    [Fact]
    public async Task RequestsANicWithAChosenIpAndAttachesItToHosta()
    {
        await using var session = await browser.OpenAsync(nameof(RequestsANicWithAChosenIpAndAttachesItToHosta), "/nics");
        var page = session.Page;

        await page.Locator("#nics-request").ClickAsync();
        await page.Locator("#request-vxnet").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "172.16.1.0/24" }).ClickAsync();
        await page.Locator("#ip-manual").ClickAsync();
        await page.Locator("#request-ip").FillAsync("172.16.1.1");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("网关");
        await Assertions.Expect(page.Locator("#request-submit")).ToBeDisabledAsync();
        await session.StepAsync("gateway-refused");
        await page.Locator("#request-ip").FillAsync("172.16.1.100");
        await Assertions.Expect(page.Locator("#request-submit")).ToBeEnabledAsync();
        await session.StepAsync("request");
        await page.Locator("#request-submit").ClickAsync();

        var row = page.Locator("#nics-grid tbody tr", new() { HasText = "172.16.1.100" });
        await Assertions.Expect(row).ToContainTextAsync("可用");
        await session.StepAsync("requested");

        await row.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-attach").ClickAsync();
        await page.Locator("#attach-server").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "hosta" }).ClickAsync();
        await session.StepAsync("attach");
        await page.Locator("#attach-submit").ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("已绑定", new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync("eth1");
        await session.StepAsync("attached");
        var nicId = (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();

        await row.Locator("a", new() { HasText = "hosta" }).ClickAsync();

        var ifconfig = page.Locator("#guest-ifconfig");
        await Assertions.Expect(ifconfig).ToContainTextAsync($"eth1      Link encap:Ethernet  HWaddr {nicId}");
        await Assertions.Expect(ifconfig).ToContainTextAsync("inet addr:172.16.1.100  Bcast:172.16.1.255  Mask:255.255.255.0");
        await Assertions.Expect(page.Locator("#guest-routes")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"172\.16\.1\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth1"));
        await Assertions.Expect(page.Locator(".guest-netplan[data-interface=eth1]")).ToContainTextAsync("addresses: [172.16.1.100/24]");
        await session.StepAsync("guest-view");
    }
}
