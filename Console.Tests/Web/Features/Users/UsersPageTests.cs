using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using NicConsole.Domain.Users;
using NicConsole.Web.Features.Users;
using NicConsole.Web.Features.Users.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Features.Users;

public class UsersPageTests : ConsoleTestContext
{
    private UserService Users => Services.GetRequiredService<UserService>();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPage> page, string name) =>
        page.Row("#users-grid", name);

    private async Task<bool> PasswordWorksAsync(string name, string password)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        return await manager.CheckPasswordAsync((await manager.FindByNameAsync(name))!, password);
    }

    [Fact]
    public async Task ListsEachUserWithRoleTenantAndLock()
    {
        (await Users.CreateAsync(Operator, new NewUser("olga", Role.Operator, "acme"))).Ok();
        (await Users.CreateAsync(Operator, new NewUser("vera", Role.Viewer, "beta"))).Ok();
        (await Users.LockAsync(Operator, "vera", true)).Ok();
        await StoreAsync();

        RenderWithProviders<UsersPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#users-grid tbody tr").Count.ShouldBe(3));
        Row(page, "olga").TextContent.ShouldContain("操作员");
        Row(page, "olga").TextContent.ShouldContain("acme");
        Row(page, "olga").TextContent.ShouldContain("正常");
        Row(page, "vera").TextContent.ShouldContain("只读");
        Row(page, "vera").TextContent.ShouldContain("已锁定");
        Row(page, CurrentOperator.DefaultUser).TextContent.ShouldContain("管理员");
    }

    [Fact]
    public async Task CreatesAUserAndShowsTheInitialPasswordOnlyOnce()
    {
        await StoreAsync();
        var providers = RenderWithProviders<UsersPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#users-grid tbody tr").Count.ShouldBe(1));

        var creating = page.Find("#users-create").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#user-submit");
        providers.Find("#user-submit").HasAttribute("disabled").ShouldBeTrue();
        await providers.Find("#user-name-field").InputAsync(new ChangeEventArgs { Value = "newbie" });
        await providers.Find("#user-tenant-field").InputAsync(new ChangeEventArgs { Value = "acme" });
        var select = providers.FindComponents<MudSelect<Role>>().Single();
        await select.InvokeAsync(select.Instance.OpenMenu);
        Popovers.WaitForElement(".mud-popover-open .mud-list-item");
        await Popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "操作员").ClickAsync(new MouseEventArgs());
        await providers.Find("#user-submit").ClickAsync(new MouseEventArgs());
        await creating;

        var password = page.WaitForElement("#user-password-value").TextContent.Trim();
        page.Find("#user-password").TextContent.ShouldContain("newbie");
        password.Length.ShouldBeGreaterThanOrEqualTo(Passwords.MinimumLength);
        (await PasswordWorksAsync("newbie", password)).ShouldBeTrue();
        page.WaitForAssertion(() => Row(page, "newbie").TextContent.ShouldContain("操作员"));
        Row(page, "newbie").TextContent.ShouldContain("acme");
        System.Text.Json.JsonSerializer.Serialize(Services.GetRequiredService<IState<UsersState>>().Value).ShouldNotContain(password);

        await page.Find("#user-password button").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Markup.ShouldNotContain(password));
    }

    [Fact]
    public async Task LocksAndUnlocksFromTheRightClickMenu()
    {
        (await Users.CreateAsync(Operator, new NewUser("olga", Role.Operator, "acme"))).Ok();
        await StoreAsync();
        RenderWithProviders<UsersPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#users-grid tbody tr").Count.ShouldBe(2));

        await Row(page, "olga").ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForElement("#menu-user-lock").TextContent.ShouldContain("锁定");
        await Popovers.Find("#menu-user-lock").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Row(page, "olga").TextContent.ShouldContain("已锁定"));
        (await Users.ListAsync(Operator)).Ok().Single(u => u.Name == "olga").IsDisabled.ShouldBeTrue();

        await Row(page, "olga").ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-user-lock").TextContent.ShouldContain("解锁"));
        await Popovers.Find("#menu-user-lock").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Row(page, "olga").TextContent.ShouldContain("正常"));
    }

    [Fact]
    public async Task TheToolbarActsOnTheSelectedUserAndChangesTheirTenant()
    {
        (await Users.CreateAsync(Operator, new NewUser("olga", Role.Operator, "acme"))).Ok();
        await StoreAsync();
        var providers = RenderWithProviders<UsersPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#users-grid tbody tr").Count.ShouldBe(2));
        page.Find("#users-change").HasAttribute("disabled").ShouldBeTrue();

        await Row(page, "olga").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("#users-change").HasAttribute("disabled").ShouldBeFalse());
        var changing = page.Find("#users-change").ClickAsync(new MouseEventArgs());
        providers.WaitForElement("#user-submit");
        providers.FindAll("#user-name-field").ShouldBeEmpty();
        await providers.Find("#user-tenant-field").InputAsync(new ChangeEventArgs { Value = "beta" });
        await providers.Find("#user-submit").ClickAsync(new MouseEventArgs());
        await changing;

        page.WaitForAssertion(() => Row(page, "olga").TextContent.ShouldContain("beta"));
        (await Users.ListAsync(Operator)).Ok().Single(u => u.Name == "olga").ShouldBe(new UserView("olga", Role.Operator, "beta", false, false));
    }

    [Fact]
    public async Task ResetsAPasswordAfterConfirmationAndShowsTheNewOne()
    {
        var old = (await Users.CreateAsync(Operator, new NewUser("olga", Role.Operator, "acme"))).Ok();
        await StoreAsync();
        var providers = RenderWithProviders<UsersPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#users-grid tbody tr").Count.ShouldBe(2));

        await Row(page, "olga").ContextMenuAsync(new MouseEventArgs());
        var resetting = Popovers.WaitForElement("#menu-user-reset").ClickAsync(new MouseEventArgs());
        providers.WaitForElement(".mud-message-box");
        providers.Find(".mud-message-box").TextContent.ShouldContain("olga");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("重置密码")).ClickAsync(new MouseEventArgs());
        await resetting;

        var fresh = page.WaitForElement("#user-password-value").TextContent.Trim();
        fresh.ShouldNotBe(old);
        (await PasswordWorksAsync("olga", fresh)).ShouldBeTrue();
        (await PasswordWorksAsync("olga", old)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnOperatorWhoGetsHereIsRefusedByTheServerNotJustTheMenu()
    {
        var op = Services.GetRequiredService<CurrentOperator>();
        op.Role = Role.Operator;
        await StoreAsync();

        RenderWithProviders<UsersPage>(out var page);

        page.WaitForAssertion(() => page.Find("#users-error").TextContent.ShouldContain("只有管理员"));
        page.FindAll("#users-grid tbody tr.user-row").ShouldBeEmpty();
    }
}
