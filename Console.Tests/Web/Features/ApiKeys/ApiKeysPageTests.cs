using Bunit;
using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Features.ApiKeys;
using NicConsole.Web.Features.ApiKeys.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.ApiKeys;

public class ApiKeysPageTests : ConsoleTestContext
{
    private AccessKeyService Keys => Harness.Services.GetRequiredService<AccessKeyService>();

    [Fact]
    public async Task SaysWhatKeysAreForWhenThereAreNone()
    {
        await StoreAsync();

        RenderWithProviders<ApiKeysPage>(out var page);

        page.WaitForAssertion(() => page.Find("#keys").TextContent.ShouldContain("/iaas/"));
    }

    [Fact]
    public async Task SpeaksEnglishInEnglish()
    {
        UseCulture("en-US");
        await StoreAsync();

        RenderWithProviders<ApiKeysPage>(out var page);

        page.Find("#create-key").TextContent.ShouldContain("Create key");
        page.WaitForAssertion(() => page.Find("#keys").TextContent.ShouldContain("No keys yet"));
    }

    [Fact]
    public async Task ShowsANewSecretOnceAndListsTheKey()
    {
        await StoreAsync();
        RenderWithProviders<ApiKeysPage>(out var page);

        await page.Find("#create-key").ClickAsync(new());

        var alert = page.WaitForElement("#new-key").TextContent;
        var id = System.Text.RegularExpressions.Regex.Match(alert, "access_key_id: (NC[A-Z0-9]{18})").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(alert, "secret_access_key: ([A-Za-z0-9]{40})").Groups[1].Value;
        var owner = (await Keys.FindActiveAsync(id)).Ok();
        (owner.User, owner.Secret).ShouldBe((CurrentOperator.DefaultUser, secret));
        page.WaitForAssertion(() => page.Find("#keys tbody").TextContent.ShouldContain(id));
        page.Find("#keys tbody").TextContent.ShouldNotContain(secret);
    }

    [Fact]
    public async Task TheSecretIsKeptByThePageOnlyUntilDismissed()
    {
        await StoreAsync();
        RenderWithProviders<ApiKeysPage>(out var page);
        await page.Find("#create-key").ClickAsync(new());
        var alert = page.WaitForElement("#new-key").TextContent;
        var secret = System.Text.RegularExpressions.Regex.Match(alert, "secret_access_key: ([A-Za-z0-9]{40})").Groups[1].Value;
        secret.ShouldNotBeEmpty();

        await page.Find("#new-key button").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("#new-key").ShouldBeEmpty());
        page.Markup.ShouldNotContain(secret);
        System.Text.Json.JsonSerializer.Serialize(Services.GetRequiredService<IState<ApiKeysState>>().Value).ShouldNotContain(secret);
        var again = Render<ApiKeysPage>();
        again.WaitForAssertion(() => again.FindAll("#keys tbody tr").Count.ShouldBe(1));
        again.Markup.ShouldNotContain(secret);
    }

    [Fact]
    public async Task RevokesAKeyAfterConfirmation()
    {
        var key = await KeyOfAsync("ops");
        await StoreAsync();
        var providers = RenderWithProviders<ApiKeysPage>(out var page);
        page.WaitForElement("button.revoke");

        var revoking = page.Find("button.revoke").ClickAsync(new());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("吊销")).ClickAsync(new());
        await revoking;

        page.WaitForAssertion(() => page.Find("#keys tbody").TextContent.ShouldContain("已吊销"));
        page.Find("button.revoke").HasAttribute("disabled").ShouldBeTrue();
        (await Keys.FindActiveAsync(key.AccessKeyId)).Error!.Code.ShouldBe(RetCode.AuthFailure);
    }

    [Fact]
    public async Task CancellingTheConfirmationKeepsTheKey()
    {
        var key = await KeyOfAsync("ops");
        await StoreAsync();
        var providers = RenderWithProviders<ApiKeysPage>(out var page);
        page.WaitForElement("button.revoke");

        var revoking = page.Find("button.revoke").ClickAsync(new());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new());
        await revoking;

        (await Keys.FindActiveAsync(key.AccessKeyId)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ARevokedKeysMenuSaysItIsAlreadyRevoked()
    {
        var active = await KeyOfAsync("ops");
        var revoked = await KeyOfAsync("old");
        (await Keys.RevokeAsync(Operator, revoked.AccessKeyId)).Ok();
        await StoreAsync();
        RenderWithProviders<ApiKeysPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#keys tbody tr").Count.ShouldBe(2));

        await page.Row("#keys", revoked.AccessKeyId).ContextMenuAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-revoke").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-revoke").TextContent.ShouldContain("已吊销");

        await page.Row("#keys", active.AccessKeyId).ContextMenuAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-revoke").GetAttribute("aria-disabled").ShouldNotBe("true"));
    }

    private async Task<CreatedAccessKey> KeyOfAsync(string user)
    {
        await Harness.AddUserAsync(user, Role.Operator);
        return (await Keys.CreateAsync(Operator, user)).Ok();
    }
}
