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
    public async Task ExportsTheListAsFilteredToACsvFile()
    {
        await using var session = await browser.OpenAsync(nameof(ExportsTheListAsFilteredToACsvFile), "/nics");
        var page = session.Page;
        await page.Locator("#nics-search").FillAsync("52:54");
        await Assertions.Expect(page.Locator("#nics-grid tbody tr").First).ToBeVisibleAsync();
        await session.StepAsync("filtered");
        var total = int.Parse(await page.Locator(".list-total").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#nics-export").ClickAsync());

        download.SuggestedFilename.ShouldStartWith("nics-");
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        lines[0].ShouldStartWith("ID,名称,状态");
        lines.Length.ShouldBe(1 + total);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("52:54:", StringComparison.Ordinal));
        page.Url.ShouldEndWith("/nics");
    }
}
