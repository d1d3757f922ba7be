using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>A fresh start: the log says how to get in, <c>/setup</c> with that start's token makes the first Admin, then closes for good.</summary>
public sealed partial class SetupPageTests : IDisposable
{
    private readonly ApiFactory _app = new();

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private string Token => _app.Services.GetRequiredService<SetupToken>().Value;

    [Fact]
    public async Task TheSignInPageSendsAFreshStartToSetup()
    {
        var response = await NewClient().GetAsync("/login");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldEndWith("/setup");
    }

    [Fact]
    public async Task AWrongTokenMakesNobody()
    {
        var client = NewClient();

        var response = await PostAsync(client, "WRONGTOKEN", "alice", "alice-pass-1", "alice-pass-1");

        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).ShouldContain("设置令牌不正确");
        (await _app.Services.GetRequiredService<UserService>().AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task TheTokenMakesTheFirstAdminSignsThemInAndClosesTheDoor()
    {
        var client = NewClient();

        var response = await PostAsync(client, Token, "alice", "alice-pass-1", "alice-pass-1");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/nics")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new administrator is signed in");
        var users = (await _app.Services.GetRequiredService<UserService>().ListAsync(OperationContext.System("t", "pek3a"))).Ok();
        users.ShouldBe([new UserView("alice", Role.Admin, OperationContext.DefaultTenant, false, false)]);

        var again = await NewClient().GetAsync("/setup");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().ShouldEndWith("/login");
        (await _app.Services.GetRequiredService<UserService>().CreateFirstAdminAsync("mallory", "mallory-pass-1")).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task OfSetupsRacingForTheFirstAdminOnlyOneSucceeds()
    {
        var users = _app.Services.GetRequiredService<UserService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => users.CreateFirstAdminAsync($"admin{i}", "racing-pass-1"))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        (await users.ListAsync(OperationContext.System("t", "pek3a"))).Ok().Count.ShouldBe(1);
    }

    [Fact]
    public async Task MismatchedOrWeakPasswordsAreRefusedAndTheTokenStaysGood()
    {
        var client = NewClient();

        WebUtility.HtmlDecode(await (await PostAsync(client, Token, "alice", "alice-pass-1", "alice-pass-2")).Content.ReadAsStringAsync()).ShouldContain("两次输入的密码不一致");
        WebUtility.HtmlDecode(await (await PostAsync(client, Token, "alice", "short1", "short1")).Content.ReadAsStringAsync()).ShouldContain("用户名或密码不符合要求");

        (await PostAsync(client, Token, "alice", "alice-pass-1", "alice-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheStartLogSaysHowToGetIn()
    {
        var log = new CapturingLoggerProvider();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var token = app.Services.GetRequiredService<SetupToken>().Value;
        app.CreateClient();

        await WaitForAsync(() => log.Lines.Any(l => l.Contains("/setup") && l.Contains(token)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the start log never said how to get in");
            await Task.Delay(50);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string name, string password, string confirm)
    {
        var form = await client.GetStringAsync("/setup");
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
        return await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["_handler"] = "setup",
            ["Input.Token"] = token,
            ["Input.Name"] = name,
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm,
        }));
    }

    public void Dispose() => _app.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
