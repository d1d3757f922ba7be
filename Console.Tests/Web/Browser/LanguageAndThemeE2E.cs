using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class LanguageAndThemeE2E(BrowserFixture browser)
{
    [Fact]
    public async Task SwitchingTheLanguageSwitchesThePageAndIsRemembered()
    {
        await using var session = await browser.OpenAsync(nameof(SwitchingTheLanguageSwitchesThePageAndIsRemembered));
        var page = session.Page;
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator(".mud-nav-link").First).ToContainTextAsync("总览");
        await session.StepAsync("chinese");

        await page.Locator("#language-menu button").ClickAsync();
        await page.Locator(".mud-popover-open #language-en").ClickAsync();
        await session.WaitInteractiveAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Assertions.Expect(page.Locator(".mud-nav-link").First).ToContainTextAsync("Dashboard");
        await session.StepAsync("english");
        await session.GoToAsync("/api-keys");
        await Assertions.Expect(page.Locator("#create-key")).ToContainTextAsync("Create key");
        await session.StepAsync("english-remembered");
    }

    [Fact]
    public async Task DarkModeIsRememberedAcrossVisits()
    {
        await using var session = await browser.OpenAsync(nameof(DarkModeIsRememberedAcrossVisits));
        var page = session.Page;
        await Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-theme", "light");

        await page.Locator("#theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-theme", "dark");
        await session.StepAsync("dark");
        await session.GoToAsync("/");

        await Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-theme", "dark");
        await session.StepAsync("dark-after-reload");
    }
}
