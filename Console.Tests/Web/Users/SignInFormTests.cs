using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using NicConsole.Domain.Users;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>The sign-in form as a browser posts it: wrong password, lockout, an administrator's lock, sign-out, and who may open what.</summary>
public sealed partial class SignInFormTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Password = "Passw0rd-for-tests";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task AWrongPasswordSaysSoAndSignsNobodyIn()
    {
        var name = Unique("wrong");
        await app.CreateUserAsync(name, Role.Operator);
        var client = NewClient();

        var response = await SignIn.PostAsync(client, name, "not-the-password-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"login-error\"");
        html.ShouldContain("用户名或密码错误");
        (await client.GetAsync("/nics")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword()
    {
        var name = Unique("lockout");
        await app.CreateUserAsync(name, Role.Operator);
        var client = NewClient();

        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostAsync(client, name, "not-the-password-" + i);
        }
        var response = await SignIn.PostAsync(client, name, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).ShouldContain("账号已锁定 15 分钟");
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>().FindByNameAsync(name))!;
        user.LockoutEnd!.Value.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AUserLockedByAnAdminIsToldSo()
    {
        var name = Unique("locked");
        await app.CreateUserAsync(name, Role.Operator);
        (await app.Services.GetRequiredService<UserService>().LockAsync(OperationContext.System("root", "pek3a"), name, true)).Ok();

        var response = await SignIn.PostAsync(NewClient(), name, Password);

        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).ShouldContain("该账号已被管理员锁定");
    }

    [Fact]
    public async Task TheFormSpeaksEnglishInEnglishAndStatesThePasswordRules()
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/login"));

        html.ShouldContain("Sign in");
        html.ShouldContain("Passwords have at least 10 characters, with at least one letter and one digit");
    }

    [Fact]
    public async Task AReturnUrlLeadsOnlyToThisSite()
    {
        var name = Unique("return");
        await app.CreateUserAsync(name, Role.Viewer);

        var inside = await SignIn.PostAsync(NewClient(), name, Password, "/nics?x=1");
        var outside = await SignIn.PostAsync(NewClient(), name, Password, "https://evil.example/");

        inside.Headers.Location!.ToString().ShouldEndWith("/nics?x=1");
        outside.Headers.Location!.ToString().ShouldNotContain("evil");
    }

    [Fact]
    public async Task EveryConsolePageNeedsAUserButHealthAndTheApiDoNot()
    {
        // With no user at all, pages lead to /setup instead; the class's other tests may or may not have run first.
        await app.CreateUserAsync(Unique("someone"), Role.Viewer);
        var anonymous = NewClient();

        foreach (var page in new[] { "/", "/nics", "/instances", "/api-keys", "/users", "/wizard" })
        {
            var response = await anonymous.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=" + Uri.EscapeDataString(page));
        }
        (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetStringAsync("/iaas/?action=DescribeNics")).ShouldContain("\"ret_code\":1200");
        (await anonymous.GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOutIsAFormPostWithItsAntiforgeryToken()
    {
        var client = await app.SignedInClientAsync(Unique("leaver"), Role.Operator);
        var page = await client.GetStringAsync("/nics");
        page.ShouldContain("id=\"logout-form\"");
        var token = WebUtility.HtmlDecode(Token().Match(page[page.IndexOf("id=\"logout-form\"", StringComparison.Ordinal)..]).Groups[1].Value);

        (await client.PostAsync(AccountEndpoints.LogoutPath, new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/nics")).StatusCode.ShouldBe(HttpStatusCode.OK, "a forged sign-out does nothing");

        var signedOut = await client.PostAsync(AccountEndpoints.LogoutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldEndWith("/login");
        (await client.GetAsync("/nics")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Operator)]
    public async Task ANonAdminGetsTheNotFoundPageForUsers(Role role)
    {
        var client = await app.SignedInClientAsync(Unique("nosy"), role);

        var response = await client.GetAsync("/users");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).ShouldContain("id=\"not-found\"");
    }

    [Fact]
    public async Task AnAdminOpensUsersAndTheAppBarNamesUserRoleAndTenant()
    {
        var name = Unique("boss");
        var client = await app.SignedInClientAsync(name, Role.Admin);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/users"));

        html.ShouldContain("id=\"users-grid\"");
        html.ShouldMatch($"id=\"user-name\"[^>]*>{name}<");
        html.ShouldContain("管理员");
        html.ShouldContain("租户 default");
        html.ShouldContain("id=\"nav-users\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
