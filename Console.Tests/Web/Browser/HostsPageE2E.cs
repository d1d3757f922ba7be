using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class HostsPageE2E(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminRegistersAHostWhoseAgentBringsItOnlineAndWhoGoesOfflineWhenTheAgentStops()
    {
        const string test = nameof(AnAdminRegistersAHostWhoseAgentBringsItOnlineAndWhoGoesOfflineWhenTheAgentStops);
        var name = "e2e" + Guid.NewGuid().ToString("N")[..5];
        await using var admin = await browser.OpenAsync(test, "/hosts");
        var page = admin.Page;
        var h1 = page.Locator("#hosts-grid tbody tr", new() { HasText = "127.0.0.1" });
        await Assertions.Expect(h1.Locator(".host-status")).ToHaveAttributeAsync("data-state", "ready");

        await page.Locator("#hosts-register").ClickAsync();
        await page.Locator("#host-name-field").FillAsync(name);
        await page.Locator("#host-underlay-field").FillAsync("192.0.2." + Random.Shared.Next(100, 250));
        await admin.StepAsync("register-dialog");
        await page.Locator("#host-submit").ClickAsync();
        var token = (await page.Locator("#host-token-value").InnerTextAsync()).Trim();
        var row = page.Locator("#hosts-grid tbody tr", new() { HasText = name });
        await Assertions.Expect(row.Locator(".host-status")).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(row.Locator(".host-status")).ToHaveTextAsync("离线");
        await admin.StepAsync("registered-offline-token-once");

        // The agent: a few heartbeats, as its loop would send them, then silence.
        using var agent = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var beating = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!beating.IsCancellationRequested)
            {
                (await agent.PostAsync("/agent/v1/heartbeat", null)).EnsureSuccessStatusCode();
                await Task.Delay(1000);
            }
        });
        await Assertions.Expect(row.Locator(".host-status")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 10_000 });
        await admin.StepAsync("agent-reports-ready");

        await row.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator("#menu-host-drain").ClickAsync();
        await Assertions.Expect(row.Locator(".host-status")).ToHaveAttributeAsync("data-state", "draining");
        await h1.ClickAsync(new() { Button = MouseButton.Right });
        await Assertions.Expect(page.Locator("#menu-host-remove")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("宿主机 h1 上还有 [1-9][0-9]* 台云服务器"));
        await admin.StepAsync("h1-remove-disabled-with-reason");
        await page.Keyboard.PressAsync("Escape");

        await beating.CancelAsync();
        await loop;
        var stopped = DateTime.UtcNow;
        await Assertions.Expect(row.Locator(".host-status")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 20_000 });
        (DateTime.UtcNow - stopped).ShouldBeLessThan(TimeSpan.FromSeconds(15));
        await admin.StepAsync("agent-stopped-offline");
    }
}
