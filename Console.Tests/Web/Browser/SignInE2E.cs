using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Browser;

/// <summary>Signing in and out as a person does, the first run's setup page, and a page a role may not open.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class SignInE2E(BrowserFixture browser)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task APageSendsNobodyToSignInAndBackAndTheAppBarNamesTheUser()
    {
        await using var session = await browser.OpenSignedOutAsync(nameof(APageSendsNobodyToSignInAndBackAndTheAppBarNamesTheUser));
        var page = session.Page;

        await page.GotoAsync(browser.App.BaseUrl + "/nics");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Fnics$"));
        await Assertions.Expect(page.Locator("#login-form")).ToContainTextAsync("至少包含一个字母和一个数字");
        await session.StepAsync("sign-in-page");
        await page.Locator("#login-name").FillAsync(ConsoleApp.AdminName);
        await page.Locator("#login-password").FillAsync(browser.App.AdminPassword);
        await page.Locator("#login-submit").ClickAsync();

        await session.WaitInteractiveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/nics$"));
        await Assertions.Expect(page.Locator("#user-name")).ToHaveTextAsync(ConsoleApp.AdminName);
        await Assertions.Expect(page.Locator("#user-role")).ToContainTextAsync("管理员");
        await Assertions.Expect(page.Locator("#user-tenant")).ToHaveTextAsync("租户 default");
        await Assertions.Expect(page.Locator("#nav-users")).ToBeVisibleAsync();
        await session.StepAsync("signed-in");
    }

    [Fact]
    public async Task AWrongPasswordSaysSo()
    {
        var name = Unique("typo");
        await browser.App.CreateUserAsync(name, Role.Operator);
        await using var session = await browser.OpenSignedOutAsync(nameof(AWrongPasswordSaysSo));
        var page = session.Page;
        await page.GotoAsync(browser.App.BaseUrl + "/login");

        await page.Locator("#login-name").FillAsync(name);
        await page.Locator("#login-password").FillAsync("not-my-password-1");
        await page.Locator("#login-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("用户名或密码错误");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await session.StepAsync("wrong-password");
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAndAPageThenAsksToSignIn()
    {
        await using var session = await browser.OpenAsync(nameof(SigningOutEndsTheSessionAndAPageThenAsksToSignIn), "/vpcs");
        var page = session.Page;
        await session.StepAsync("signed-in");

        await page.Locator("#sign-out").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await session.StepAsync("signed-out");
        await page.GotoAsync(browser.App.BaseUrl + "/vpcs");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Fvpcs$"));
        await Assertions.Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AViewerOpeningUsersGetsTheNotFoundPage()
    {
        var name = Unique("viewer");
        var password = await browser.App.CreateUserAsync(name, Role.Viewer, "acme");
        await using var session = await browser.OpenSignedOutAsync(nameof(AViewerOpeningUsersGetsTheNotFoundPage));
        await session.SignInAsync(name, password, "/");
        var page = session.Page;
        await Assertions.Expect(page.Locator("#user-role")).ToContainTextAsync("只读");
        await Assertions.Expect(page.Locator("#nav-users")).ToHaveCountAsync(0);

        await page.EvaluateAsync("() => Blazor.navigateTo('/users')");

        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#users-grid")).ToHaveCountAsync(0);
        await session.StepAsync("not-found-in-the-circuit");

        var response = await page.GotoAsync(browser.App.BaseUrl + "/users");
        await session.WaitInteractiveAsync();

        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#users-grid")).ToHaveCountAsync(0);
        session.TakeErrors().ShouldAllBe(e => e.Contains("404"));
        await session.StepAsync("not-found-on-a-full-load");
    }

    [Fact]
    public async Task AFreshStartIsSetUpWithTheTokenAndTheSetupPageThenCloses()
    {
        using var fresh = new ConsoleApp(withAdmin: false);
        await using var session = await browser.OpenOnAsync(fresh.BaseUrl, nameof(AFreshStartIsSetUpWithTheTokenAndTheSetupPageThenCloses));
        var page = session.Page;

        await page.GotoAsync(fresh.BaseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await session.StepAsync("setup-page");
        await page.Locator("#setup-token").FillAsync(fresh.Services.GetRequiredService<SetupToken>().Value);
        await page.Locator("#setup-name").FillAsync("first-admin");
        await page.Locator("#setup-password").FillAsync("first-pass-1");
        await page.Locator("#setup-confirm").FillAsync("first-pass-1");
        await page.Locator("#setup-submit").ClickAsync();

        await session.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("#user-name")).ToHaveTextAsync("first-admin");
        await Assertions.Expect(page.Locator("#user-role")).ToContainTextAsync("管理员");
        await session.StepAsync("signed-in-as-first-admin");
        await page.GotoAsync(fresh.BaseUrl + "/setup");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
    }
}
