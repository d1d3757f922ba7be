using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class UsersPageE2E(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminCreatesAUserWhoSignsInWithTheInitialPassword()
    {
        const string test = nameof(AnAdminCreatesAUserWhoSignsInWithTheInitialPassword);
        var name = "newcomer-" + Guid.NewGuid().ToString("N")[..6];
        await using var admin = await browser.OpenAsync(test + "/admin", "/users");
        var page = admin.Page;
        await Assertions.Expect(page.Locator("#users-grid tbody tr", new() { HasText = ConsoleApp.AdminName })).ToBeVisibleAsync();

        await page.Locator("#users-create").ClickAsync();
        await page.Locator("#user-name-field").FillAsync(name);
        await page.Locator("#user-tenant-field").FillAsync("acme");
        await admin.StepAsync("create-dialog");
        await page.Locator("#user-submit").ClickAsync();

        var password = (await page.Locator("#user-password-value").InnerTextAsync()).Trim();
        var row = page.Locator("#users-grid tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("只读");
        await Assertions.Expect(row).ToContainTextAsync("acme");
        await admin.StepAsync("password-shown-once");

        await using var newcomer = await browser.OpenSignedOutAsync(test + "/newcomer");
        await newcomer.SignInAsync(name, password, "/vpcs");
        await Assertions.Expect(newcomer.Page.Locator("#user-name")).ToHaveTextAsync(name);
        await Assertions.Expect(newcomer.Page.Locator("#user-role")).ToHaveTextAsync("只读");
        await Assertions.Expect(newcomer.Page.Locator("#user-tenant")).ToHaveTextAsync("租户 acme");
        await newcomer.StepAsync("signed-in");
    }
}
