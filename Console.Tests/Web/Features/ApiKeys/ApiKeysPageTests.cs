using Bunit;
using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Options;
using NicConsole.Web.Features.ApiKeys;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.ApiKeys;

public class ApiKeysPageTests : MudTestContext
{
    private readonly DomainHarness _h;

    public ApiKeysPageTests()
    {
        _h = new DomainHarness();
        _h.InitializeAsync().GetAwaiter().GetResult();
        Services.AddSingleton(_h.Services.GetRequiredService<AccessKeyService>());
        Services.AddSingleton(new CurrentOperator(Options.Create(new NetworkOptions())));
    }

    [Fact]
    public void SaysWhatKeysAreForWhenThereAreNone()
    {
        RenderWithProviders<ApiKeysPage>(out var page);

        page.Find("#keys").TextContent.ShouldContain("/iaas/");
    }

    [Fact]
    public void SpeaksEnglishInEnglish()
    {
        UseCulture("en-US");

        RenderWithProviders<ApiKeysPage>(out var page);

        page.Find("#create-key").TextContent.ShouldContain("Create key");
        page.Find("#keys").TextContent.ShouldContain("No keys yet");
    }

    [Fact]
    public async Task ShowsANewSecretOnceAndListsTheKey()
    {
        RenderWithProviders<ApiKeysPage>(out var page);

        await page.Find("#create-key").ClickAsync(new());

        var alert = page.Find("#new-key").TextContent;
        var id = System.Text.RegularExpressions.Regex.Match(alert, "access_key_id: (NC[A-Z0-9]{18})").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(alert, "secret_access_key: ([A-Za-z0-9]{40})").Groups[1].Value;
        (await _h.Services.GetRequiredService<AccessKeyService>().FindActiveAsync(id)).ShouldBe((CurrentOperator.DefaultUser, secret));
        page.Find("#keys tbody").TextContent.ShouldContain(id);
        page.Find("#keys tbody").TextContent.ShouldNotContain(secret);
    }

    [Fact]
    public async Task RevokesAKeyAfterConfirmation()
    {
        var key = (await _h.Services.GetRequiredService<AccessKeyService>().CreateAsync("ops")).Ok();
        var providers = RenderWithProviders<ApiKeysPage>(out var page);

        var revoking = page.Find("button.revoke").ClickAsync(new());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("吊销")).ClickAsync(new());
        await revoking;

        page.WaitForAssertion(() => page.Find("#keys tbody").TextContent.ShouldContain("已吊销"));
        page.Find("button.revoke").HasAttribute("disabled").ShouldBeTrue();
        (await _h.Services.GetRequiredService<AccessKeyService>().FindActiveAsync(key.AccessKeyId)).ShouldBeNull();
    }

    [Fact]
    public async Task CancellingTheConfirmationKeepsTheKey()
    {
        var key = (await _h.Services.GetRequiredService<AccessKeyService>().CreateAsync("ops")).Ok();
        var providers = RenderWithProviders<ApiKeysPage>(out var page);

        var revoking = page.Find("button.revoke").ClickAsync(new());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new());
        await revoking;

        (await _h.Services.GetRequiredService<AccessKeyService>().FindActiveAsync(key.AccessKeyId)).ShouldNotBeNull();
    }

    protected override ValueTask DisposeOwnedAsync() => _h.DisposeAsync();
}
