using Microsoft.Playwright;
using NicConsole.Web.Security;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// Every console page under the real policy: the header arrives with the document, the circuit comes up (over its
/// WebSocket), a click does something, and the browser reports no CSP violation (no blocked script, style, font,
/// image or connection) on any page, dialog, drawer or chart.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class ContentSecurityPolicyE2E(BrowserFixture browser)
{
    private const string ListenForViolations =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task EveryPageWorksUnderThePolicyWithoutAViolation()
    {
        await using var session = await browser.OpenAsync(nameof(EveryPageWorksUnderThePolicyWithoutAViolation));
        var page = session.Page;
        var violations = new List<string>();
        await page.AddInitScriptAsync(ListenForViolations);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await OpenAsync(session, "/", violations);
        await Assertions.Expect(page.Locator("#nic-activity svg").First).ToBeVisibleAsync();
        await session.StepAsync("dashboard-chart");

        foreach (var (path, grid) in new[]
        {
            ("/vpcs", "#vpcs-grid"), ("/vxnets", "#vxnets-grid"), ("/nics", "#nics-grid"), ("/instances", "#instances-grid"),
            ("/jobs", "#jobs-grid"), ("/operations", "#operations-grid"), ("/api-keys", "#keys"), ("/wizard", "#wizard"),
        })
        {
            await OpenAsync(session, path, violations);
            await Assertions.Expect(page.Locator(grid)).ToBeVisibleAsync();
        }

        await OpenAsync(session, "/nics", violations);
        await page.Locator("#nics-request").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await session.StepAsync("dialog");
        await AssertNoViolationAsync(page, violations);

        await OpenAsync(session, "/vxnets", violations);
        await page.Locator("#vxnets-grid tbody tr", new() { HasText = "172.16.1.0/24" }).Locator("td").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#vxnet-detail #address-map [data-ip]")).ToHaveCountAsync(256);
        await session.StepAsync("drawer");
        await AssertNoViolationAsync(page, violations);

        sockets.ShouldContain(url => url.Contains("/_blazor"), "the circuit runs over a WebSocket that connect-src 'self' allows");
    }

    private static async Task OpenAsync(BrowserSession session, string path, List<string> violations)
    {
        var response = await session.Page.GotoAsync(new Uri(new Uri(session.Page.Url), path).ToString());
        (await response!.HeaderValueAsync("content-security-policy")).ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        await session.WaitInteractiveAsync();
        await AssertNoViolationAsync(session.Page, violations);
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> violations)
    {
        var reported = await page.EvaluateAsync<string[]>("window.__cspViolations ?? []");
        violations.Concat(reported).ShouldBeEmpty($"CSP violations on {page.Url}");
    }
}
