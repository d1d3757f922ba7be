using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(WizardBrowserCollection.Name)]
[Trait("Category", "E2E")]
public class WizardE2E(BrowserFixture browser)
{
    [Fact]
    public async Task WalksANewcomerFromANewVxNetToEth1OnHosta()
    {
        await using var session = await browser.OpenAsync(nameof(WalksANewcomerFromANewVxNetToEth1OnHosta), "/wizard");
        var page = session.Page;
        var wizard = page.Locator("#wizard");
        var next = page.Locator("#wizard-next");

        await page.Locator("#wizard-vxnet-name").FillAsync("e2e-guide");
        await session.StepAsync("create-vxnet");
        await next.ClickAsync();

        await page.Locator("#wizard-join-vpc").ClickAsync();
        await page.ChooseAsync("172.16.0.0/16");
        await page.Locator("#wizard-join-subnet").FillAsync("172.16.1.0/24");
        await Assertions.Expect(wizard).ToContainTextAsync("重叠");
        await Assertions.Expect(next).ToBeDisabledAsync();
        await session.StepAsync("join-overlap-refused");
        await page.Locator("#wizard-join-subnet").FillAsync("172.16.9.0/24");
        await Assertions.Expect(page.Locator("#wizard-join-preview")).ToContainTextAsync("网关 172.16.9.1，DHCP 172.16.9.2 - 172.16.9.254");
        await session.StepAsync("join");
        await next.ClickAsync();

        var nicName = page.Locator("#wizard-nic-name");
        await Assertions.Expect(nicName).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await nicName.FillAsync("e2e-guide-nic");
        await session.StepAsync("request-nic");
        await next.ClickAsync();

        await Assertions.Expect(page.Locator("#wizard-nic-vxnet")).ToHaveValueAsync(new Regex(@"^e2e-guide \(vxnet-\w+, 172\.16\.9\.0/24\) 0/252$"));
        await session.StepAsync("choose-vxnet");
        await next.ClickAsync();

        await page.Locator("#wizard-ip-manual").ClickAsync();
        await page.Locator("#wizard-request-ip").FillAsync("172.16.9.254");
        await Assertions.Expect(wizard).ToContainTextAsync("保留给 VPC 的 DHCP 与元数据服务");
        await Assertions.Expect(page.Locator("#wizard-next-free")).ToContainTextAsync("172.16.9.2, 172.16.9.3");
        await Assertions.Expect(next).ToBeDisabledAsync();
        await session.StepAsync("ip-reserved-refused");
        await page.Locator("#wizard-request-ip").FillAsync("172.16.9.100");
        await Assertions.Expect(next).ToBeEnabledAsync();
        await session.StepAsync("assign-ip");
        await next.ClickAsync();

        await page.Locator("#wizard-attach-server").ClickAsync();
        await page.ChooseAsync("hosta");
        await Assertions.Expect(page.Locator("#wizard-nic")).ToContainTextAsync("172.16.9.100");
        await session.StepAsync("attach");
        await next.ClickAsync();

        var ifconfig = page.Locator("#guest-ifconfig");
        await Assertions.Expect(ifconfig).ToContainTextAsync("inet addr:172.16.9.100  Bcast:172.16.9.255  Mask:255.255.255.0", new() { Timeout = 10_000 });
        var nicId = Regex.Match(await page.Locator("#wizard-verify").InnerTextAsync(), "52:54(:[0-9a-f]{2}){4}").Value;
        await Assertions.Expect(ifconfig).ToContainTextAsync($"eth1      Link encap:Ethernet  HWaddr {nicId}");
        await Assertions.Expect(page.Locator("#guest-routes")).ToContainTextAsync(new Regex(@"172\.16\.9\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth1"));
        await session.StepAsync("verify");

        await page.Locator("#wizard-instance-link").ClickAsync();
        await Assertions.Expect(page.Locator("#instance-name")).ToHaveTextAsync("hosta");
        await Assertions.Expect(page.Locator("#guest-ifconfig")).ToContainTextAsync($"HWaddr {nicId}");
        await session.StepAsync("server-page");
    }
}
