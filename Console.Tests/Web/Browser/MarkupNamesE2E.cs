using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// VxNets and NICs named like markup, made through the domain as any API caller could, show as text to a signed-in
/// operator in a real browser (lists, drawers, dashboard): nothing runs.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class MarkupNamesE2E(BrowserFixture browser)
{
    private readonly OperationContext _context = OperationContext.System("e2e", "pek3a");

    [Theory]
    [InlineData("<script>alert('vxnet')</script>")]
    [InlineData("<img src=x onerror=alert('vxnet')>")]
    public async Task AVxNetNamedLikeMarkupShowsItsNameLiterallyAndNoAlertFires(string name)
    {
        var id = (await browser.App.Get<CreateVxNets>().RunAsync(_context, name)).Ok().Single();
        await using var session = await browser.OpenAsync(nameof(AVxNetNamedLikeMarkupShowsItsNameLiterallyAndNoAlertFires), "/vxnets");
        var page = session.Page;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var row = page.Locator("#vxnets-grid tbody tr", new() { HasText = id });

        await Assertions.Expect(row).ToContainTextAsync(name);
        await row.Locator("td").Nth(1).ClickAsync();

        await Assertions.Expect(page.Locator("#vxnet-detail-name")).ToHaveTextAsync(name);
        await session.StepAsync("markup-name");
        await Assertions.Expect(page.Locator("#app-root script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#app-root img[src=x]")).ToHaveCountAsync(0);
        await page.Locator("#vxnet-detail-close").ClickAsync();
        await session.GoToAsync("/");
        await Assertions.Expect(page.Locator("#dashboard[data-loading=false]")).ToBeVisibleAsync();
        dialogs.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<script>alert('nic')</script>")]
    [InlineData("<img src=x onerror=alert('nic')>")]
    public async Task ANicNamedLikeMarkupShowsItsNameLiterallyInTheListAndDrawerAndNoAlertFires(string name)
    {
        var vxnet = (await browser.App.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { OnlyAcceptingNics = true })).Ok().Items.First().Id;
        var nic = (await browser.App.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(vxnet, name, 1, []))).Ok().Single().NicId;
        await using var session = await browser.OpenAsync(nameof(ANicNamedLikeMarkupShowsItsNameLiterallyInTheListAndDrawerAndNoAlertFires),
            "/nics?search=" + Uri.EscapeDataString(nic));
        var page = session.Page;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var row = page.Locator("#nics-grid tbody tr", new() { HasText = nic });

        await Assertions.Expect(row).ToContainTextAsync(name);
        await row.Locator("td").Nth(1).ClickAsync();

        await Assertions.Expect(page.Locator("#nic-detail-name")).ToHaveTextAsync(name);
        await session.StepAsync("markup-nic-name");
        await Assertions.Expect(page.Locator("#app-root script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#app-root img[src=x]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#nic-detail script, #nic-detail img[src=x]")).ToHaveCountAsync(0);
        dialogs.ShouldBeEmpty();
    }
}
