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
}
