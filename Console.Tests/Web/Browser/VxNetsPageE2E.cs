using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class VxNetsPageE2E(BrowserFixture browser)
{
    [Fact]
    public async Task CreatesAVxNetAndJoinsItToTheVpcByRightClick()
    {
        await using var session = await browser.OpenAsync(nameof(CreatesAVxNetAndJoinsItToTheVpcByRightClick), "/vxnets");
        var page = session.Page;
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..6];

        await page.Locator("#vxnets-create").ClickAsync();
        await page.Locator("#create-vxnet-name").FillAsync(name);
        await page.Locator("#create-vxnet-submit").ClickAsync();
        var row = page.Locator("#vxnets-grid tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("未加入 VPC");
        await session.StepAsync("created");

        await row.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-join").ClickAsync();
        await page.Locator("#join-vpc").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "172.16.0.0/16" }).ClickAsync();
        await page.Locator("#join-subnet").FillAsync("172.16.1.0/24");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("重叠");
        await session.StepAsync("overlap-refused");
        await page.Locator("#join-subnet").FillAsync("172.16.9.0/24");
        await Assertions.Expect(page.Locator("#join-preview")).ToContainTextAsync("172.16.9.1");
        await session.StepAsync("join");
        await page.Locator("#join-submit").ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("172.16.9.0/24", new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync("demo-vpc", new() { Timeout = 10_000 });
        await session.StepAsync("joined");
    }
}
