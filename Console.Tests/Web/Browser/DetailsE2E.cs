using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

/// <summary>The VxNet's address map and the NIC's timeline, by clicking: a free cell becomes a NIC, and the NIC remembers it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class DetailsE2E(BrowserFixture browser)
{
    [Fact]
    public async Task AFreeCellOfTheDemoVxNetBecomesANicWithItsTimeline()
    {
        await using var session = await browser.OpenAsync(nameof(AFreeCellOfTheDemoVxNetBecomesANicWithItsTimeline), "/vxnets");
        var page = session.Page;
        var row = page.Locator("#vxnets-grid tbody tr", new() { HasText = "172.16.1.0/24" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.Locator("td").Nth(1).ClickAsync();

        var drawer = page.Locator("#vxnet-detail");
        await Assertions.Expect(drawer.Locator("#address-map [data-ip]")).ToHaveCountAsync(256);
        await Assertions.Expect(drawer.Locator("[data-ip='172.16.1.1']")).ToHaveAttributeAsync("data-kind", "gateway");
        await Assertions.Expect(drawer.Locator("[data-ip='172.16.1.254']")).ToHaveAttributeAsync("data-kind", "platform");
        var cell = drawer.Locator("[data-ip='172.16.1.77']");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-kind", "free");
        await session.StepAsync("address-map");

        await cell.ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("#request-ip")).ToHaveValueAsync("172.16.1.77");
        await Assertions.Expect(dialog.Locator("#ip-manual")).ToBeCheckedAsync();
        await Assertions.Expect(dialog.Locator("#request-vxnet")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("172\\.16\\.1\\.0/24"));
        await Assertions.Expect(dialog.Locator("#request-submit")).ToBeEnabledAsync();
        await session.StepAsync("request-dialog");

        await dialog.Locator("#request-submit").ClickAsync();

        await Assertions.Expect(cell).ToHaveAttributeAsync("data-kind", "used");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("172.16.1.77");
        await page.Locator(".mud-snackbar button").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        var nicId = await cell.GetAttributeAsync("data-nic");
        nicId.ShouldNotBeNull().ShouldMatch("^52:54(:[0-9a-f]{2}){4}$");
        (await cell.GetAttributeAsync("title")).ShouldNotBeNull().ShouldContain(nicId);
        await session.StepAsync("cell-used");

        await cell.ClickAsync();

        await page.WaitForURLAsync($"**/nics?search={Uri.EscapeDataString(nicId)}");
        var nicRow = page.Locator("#nics-grid tbody tr", new() { HasText = nicId });
        await Assertions.Expect(page.Locator("#nics-grid tbody tr")).ToHaveCountAsync(1);
        var checkbox = nicRow.Locator("input[type=checkbox]");
        await checkbox.ClickAsync();
        await Assertions.Expect(checkbox).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#nics-attach")).ToBeEnabledAsync();
        await session.StepAsync("checkbox-selects-only");
        await Assertions.Expect(page.Locator("#nic-detail")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await checkbox.ClickAsync();
        await Assertions.Expect(checkbox).Not.ToBeCheckedAsync();

        await nicRow.Locator("td").Nth(4).ClickAsync();

        var nicDrawer = page.Locator("#nic-detail");
        await Assertions.Expect(nicDrawer.Locator("#nic-detail-id")).ToHaveTextAsync(nicId);
        await Assertions.Expect(nicDrawer.Locator("#nic-detail-ip")).ToHaveTextAsync("172.16.1.77");
        var entry = nicDrawer.Locator("#nic-timeline .timeline-entry-content");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("在私有网络 demo-vxnet (vxnet-");
        await Assertions.Expect(entry).ToContainTextAsync("IP 172.16.1.77");
        await Assertions.Expect(entry).ToContainTextAsync("成功");
        await Assertions.Expect(nicDrawer.Locator("#detail-detach")).ToBeDisabledAsync();
        await Assertions.Expect(nicRow.Locator("input[type=checkbox]")).Not.ToBeCheckedAsync();
        await session.StepAsync("nic-timeline");
    }
}
