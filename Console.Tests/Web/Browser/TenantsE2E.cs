using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// Operators of two tenants on one console, each signed in through the sign-in page: neither finds the other's server
/// or NIC, another tenant's server URL is the not-found page, and another tenant's change reloads nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class TenantsE2E(BrowserFixture browser)
{
    private sealed record Tenant(string Name, string User, string Password, OperationContext Context, string Server, string ServerName, string Nic);

    /// <summary>A tenant with an Operator (made through the users' service) and a running server in vxnet-0, made as that Operator.</summary>
    private async Task<Tenant> TenantAsync(string prefix)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (name, user, serverName) = ($"{prefix}-{suffix}", $"op-{prefix}-{suffix}", $"{prefix}-host-{suffix}");
        var password = await browser.App.CreateUserAsync(user, Role.Operator, name);
        var context = new OperationContext(user, "pek3a", Role.Operator, name);
        var network = browser.App;
        var server = (await network.Get<RunInstances>().RunAsync(context, new RunInstances.Request(serverName, [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds.Single();
        var nic = (await network.Get<NicQueries>().QueryAsync(context, new NicQuery { InstanceIds = [server] })).Ok().Items.Single().Id;
        // Its launch job finishes first, so that no change of the tenant's own is still on its way during a test.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await network.Get<InstanceQueries>().QueryAsync(context, new InstanceQuery { Ids = [server] })).Ok().Items.Single().Status != InstanceStatus.Running)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the server did not start in time");
            await Task.Delay(100);
        }
        return new Tenant(name, user, password, context, server, serverName, nic);
    }

    private async Task<BrowserSession> SignInAsync(Tenant tenant, string test, string path)
    {
        var session = await browser.OpenSignedOutAsync($"{test}/{tenant.User}");
        await session.SignInAsync(tenant.User, tenant.Password, path);
        await Assertions.Expect(session.Page.Locator("#user-tenant")).ToContainTextAsync(tenant.Name);
        return session;
    }

    [Fact]
    public async Task AnOperatorOfTenantAFindsNothingOfTenantBAndTheirServersUrlIsTheNotFoundPage()
    {
        const string test = nameof(AnOperatorOfTenantAFindsNothingOfTenantBAndTheirServersUrlIsTheNotFoundPage);
        var a = await TenantAsync("a");
        var b = await TenantAsync("b");
        await using var session = await SignInAsync(a, test, "/instances/" + a.Server);
        var page = session.Page;
        await Assertions.Expect(page.Locator("#instance-name")).ToHaveTextAsync(a.ServerName);

        await session.GoToAsync("/instances/" + b.Server);

        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#not-found")).ToContainTextAsync("页面不存在");
        await Assertions.Expect(page.Locator("#instance-name")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#app-root")).Not.ToContainTextAsync(b.ServerName);
        await session.StepAsync("their-server-is-not-found");

        await page.Locator("#not-found-back").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/instances$"));
        await Assertions.Expect(page.Locator("#instances-grid tbody tr", new() { HasText = a.Server })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#instances-grid")).Not.ToContainTextAsync(b.Server);
        await Assertions.Expect(page.Locator("#instances-grid")).Not.ToContainTextAsync(b.ServerName);
        await session.StepAsync("their-server-is-not-in-the-list");

        await session.GoToAsync("/nics?search=" + Uri.EscapeDataString(a.Nic));
        await Assertions.Expect(page.Locator("#nics-grid tbody tr", new() { HasText = a.Nic })).ToHaveCountAsync(1);
        await session.GoToAsync("/nics?search=" + Uri.EscapeDataString(b.Nic));
        await Assertions.Expect(page.Locator("#nics-grid")).ToContainTextAsync("没有网卡");
        await Assertions.Expect(page.Locator("#nics-grid")).Not.ToContainTextAsync(b.Nic);
        await session.StepAsync("their-nic-is-not-found");
    }

    [Fact]
    public async Task AChangeOfTenantAReloadsNothingOnTheNicListOfTenantB()
    {
        const string test = nameof(AChangeOfTenantAReloadsNothingOnTheNicListOfTenantB);
        var a = await TenantAsync("a");
        var b = await TenantAsync("b");
        await using var session = await SignInAsync(b, test, "/nics?search=" + Uri.EscapeDataString(b.Nic));
        var page = session.Page;
        var row = page.Locator("#nics-grid tbody tr", new() { HasText = b.Nic });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#nics-search")).ToHaveValueAsync(b.Nic);
        // Whatever the page still had to load (its own search, the end of the launch) has landed.
        await Task.Delay(TimeSpan.FromSeconds(1));
        // The markers: the window's (gone if the browser reloads the page) and a name written past the use cases,
        // which the list shows only once it reads its NICs again.
        await page.EvaluateAsync("() => window.liveUpdatesMark = 'not reloaded'");
        var silent = "silent-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync())
        {
            (await db.Nics.IgnoreQueryFilters().Where(n => n.Id == b.Nic).ExecuteUpdateAsync(s => s.SetProperty(n => n.Name, silent))).ShouldBe(1);
        }
        await session.StepAsync("tenant-b-before");

        (await browser.App.Get<ModifyInstance>().RunAsync(a.Context, a.Server, a.ServerName + "-renamed", null)).Ok();
        (await browser.App.Get<ModifyNic>().RunAsync(a.Context, new ModifyNic.Request(a.Nic, Name: "a-renamed"))).Ok();
        await Task.Delay(TimeSpan.FromSeconds(2));

        await Assertions.Expect(row).Not.ToContainTextAsync(silent);
        await session.StepAsync("tenant-b-after-tenant-a-changed");
        (await page.EvaluateAsync<string?>("() => window.liveUpdatesMark")).ShouldBe("not reloaded");

        // Its own tenant's change does reload the list, which then shows the marker name: the list was listening.
        (await browser.App.Get<ModifyInstance>().RunAsync(b.Context, b.Server, b.ServerName + "-renamed", null)).Ok();

        await Assertions.Expect(row).ToContainTextAsync(silent, new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync(b.ServerName + "-renamed");
        await session.StepAsync("tenant-b-after-its-own-change");
        (await page.EvaluateAsync<string?>("() => window.liveUpdatesMark")).ShouldBe("not reloaded");
    }
}
