using Microsoft.Playwright;

namespace NicConsole.Tests;

public class ScratchShot
{
    [Fact]
    public async Task Shoot()
    {
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await page.GotoAsync("http://localhost:5290/login");
        await page.Locator("#login-name").FillAsync("ops");
        await page.Locator("#login-password").FillAsync("Admin-pass-2026");
        await page.Locator("#login-password").PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("login"));
        foreach (var (path, file) in new[] { ("/instances/i-79kjkdbc", "server-h2"), ("/hosts", "hosts") })
        {
            await page.GotoAsync("http://localhost:5290" + path);
            await page.WaitForTimeoutAsync(3000);
            await page.ScreenshotAsync(new() { Path = $"/tmp/shot-{file}.png", FullPage = true });
        }
    }
}
