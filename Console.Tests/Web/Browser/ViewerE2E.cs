using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// A Viewer signed in through the sign-in page goes through the console: every change action (toolbar, a row's
/// right-click menu, a drawer, the server page, the dashboard, the wizard) is disabled and says why; reading works.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class ViewerE2E(BrowserFixture browser)
{
    [Fact]
    public async Task AViewerSeesEveryChangeActionDisabledWithTheReasonAndCanStillReadAndExport()
    {
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        var password = await browser.App.CreateUserAsync(name, Role.Viewer);
        var reason = $"用户 [{name}] 是只读角色（Viewer），只能查看；修改资源需要操作员或管理员角色";
        await using var session = await browser.OpenSignedOutAsync(nameof(AViewerSeesEveryChangeActionDisabledWithTheReasonAndCanStillReadAndExport));
        await session.SignInAsync(name, password, "/nics");
        var page = session.Page;
        await Assertions.Expect(page.Locator("#user-role")).ToContainTextAsync("只读");

        // NICs: the toolbar (the request dialog's button too), a row's menu, the drawer; export and details work.
        var nicRow = page.Locator("#nics-grid tbody tr.nic-row").First;
        await Assertions.Expect(nicRow).ToBeVisibleAsync();
        foreach (var action in new[] { "#nics-request", "#nics-modify", "#nics-attach", "#nics-detach", "#nics-delete" })
        {
            await RefusedAsync(page.Locator(action), reason);
        }
        await nicRow.ClickAsync(new() { Button = MouseButton.Right });
        await EveryMenuItemRefusedAsync(page, reason, 4);
        await session.StepAsync("nics-menu");
        await CloseMenuAsync(page);
        var nic = (await nicRow.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await nicRow.Locator("td").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#nic-detail-id")).ToHaveTextAsync(nic);
        foreach (var action in new[] { "#detail-modify", "#detail-attach", "#detail-detach", "#detail-delete" })
        {
            await RefusedAsync(page.Locator(action), reason);
        }
        await session.StepAsync("nic-drawer");
        await page.Locator("#nic-detail-close").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#nics-export").ClickAsync());
        (await File.ReadAllTextAsync((await download.PathAsync())!)).ShouldContain(nic);

        // VxNets: create, a row's menu, the drawer and its address map (a free cell does not offer a request).
        await session.GoToAsync("/vxnets");
        var vxnetRow = page.Locator("#vxnets-grid tbody tr", new() { HasText = "172.16.1.0/24" });
        await Assertions.Expect(vxnetRow).ToHaveCountAsync(1);
        await RefusedAsync(page.Locator("#vxnets-create"), reason);
        await vxnetRow.ClickAsync(new() { Button = MouseButton.Right });
        await EveryMenuItemRefusedAsync(page, reason, 3);
        await session.StepAsync("vxnets-menu");
        await CloseMenuAsync(page);
        await vxnetRow.Locator("td").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#address-map [data-ip]")).ToHaveCountAsync(256);
        foreach (var action in new[] { "#detail-join", "#detail-leave", "#detail-delete-vxnet" })
        {
            await RefusedAsync(page.Locator(action), reason);
        }
        var freeCell = page.Locator("#address-map [data-kind=free]").First;
        (await freeCell.EvaluateAsync<string>("e => e.localName")).ShouldBe("span");
        (await freeCell.GetAttributeAsync("title") ?? "").ShouldContain(reason);
        await session.StepAsync("vxnet-drawer");
        await page.Locator("#vxnet-detail-close").ClickAsync();

        // Servers: launch, the toolbar, a row's menu (open stays), then the server's own page.
        await session.GoToAsync("/instances");
        var hosta = page.Locator("#instances-grid tbody tr", new() { HasText = "hosta" });
        await Assertions.Expect(hosta).ToHaveCountAsync(1);
        foreach (var action in new[] { "#instances-launch", "#instances-starting", "#instances-stopping", "#instances-restarting", "#instances-terminating" })
        {
            await RefusedAsync(page.Locator(action), reason);
        }
        await hosta.ClickAsync(new() { Button = MouseButton.Right });
        await EveryMenuItemRefusedAsync(page, reason, 4, except: "#menu-open");
        await session.StepAsync("servers-menu");
        await page.Locator(".mud-popover-open #menu-open").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/instances/i-"));
        await Assertions.Expect(page.Locator("#instance-name")).ToHaveTextAsync("hosta");
        foreach (var action in new[] { "#instance-starting", "#instance-stopping", "#instance-restarting", "#instance-terminating" })
        {
            await RefusedAsync(page.Locator(action), reason);
        }
        foreach (var detach in await page.Locator("#instance-nics .detach").AllAsync())
        {
            await RefusedAsync(detach, reason);
        }
        await Assertions.Expect(page.Locator("#guest-ifconfig")).ToContainTextAsync("eth0");
        await session.StepAsync("server-page");

        // The dashboard reads; a retry it offers is refused. The wizard does not start.
        await session.GoToAsync("/");
        await Assertions.Expect(page.Locator("#dashboard[data-loading=false]")).ToBeVisibleAsync();
        foreach (var retry in await page.Locator("#dashboard [id^=retry-]").AllAsync())
        {
            await RefusedAsync(retry, reason);
        }
        await session.StepAsync("dashboard");
        await page.Locator("#all-operations").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/operations$"));
        await session.GoToAsync("/wizard");
        await RefusedAsync(page.Locator("#wizard-next"), reason);
        await session.StepAsync("wizard");
    }

    /// <summary>Disabled (a button's <c>disabled</c>, a menu item's <c>aria-disabled</c>), saying why in its title or text.</summary>
    private static async Task RefusedAsync(ILocator action, string reason)
    {
        await Assertions.Expect(action).ToBeVisibleAsync();
        var found = await action.EvaluateAsync<System.Text.Json.JsonElement>(
            "e => ({ disabled: e.disabled === true || e.getAttribute('aria-disabled') === 'true', says: (e.getAttribute('title') || '') + ' ' + e.textContent, id: e.id })");
        var (disabled, says, id) = (found.GetProperty("disabled").GetBoolean(), found.GetProperty("says").GetString() ?? "", found.GetProperty("id").GetString());
        disabled.ShouldBeTrue($"{id} is enabled for a Viewer");
        says.ShouldContain(reason, Case.Sensitive, $"{id} does not say why");
    }

    /// <summary>A click beside the open menu closes it, as an operator does.</summary>
    private static async Task CloseMenuAsync(IPage page)
    {
        await page.Mouse.ClickAsync(1380, 880);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-menu-item")).ToHaveCountAsync(0);
    }

    private static async Task EveryMenuItemRefusedAsync(IPage page, string reason, int changes, string? except = null)
    {
        var items = page.Locator(".mud-popover-open .mud-menu-item");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        var refused = 0;
        foreach (var item in await items.AllAsync())
        {
            if (except is not null && await item.EvaluateAsync<bool>($"e => e.matches('{except}')"))
            {
                (await item.GetAttributeAsync("aria-disabled")).ShouldNotBe("true");
                continue;
            }
            await RefusedAsync(item, reason);
            refused++;
        }
        refused.ShouldBe(changes);
    }
}
