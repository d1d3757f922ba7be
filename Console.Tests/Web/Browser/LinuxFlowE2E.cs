using Microsoft.Playwright;
using NicConsole.Domain.Instances;
using NicConsole.Tests.Support.Linux;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// The guide's flow by clicking, on the real Linux data plane: hosta's eth1 is a real link, its page reads it from the
/// kernel, and the connectivity check from hosta reaches a second server in the VxNet with a real ping.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Linux")]
public sealed class LinuxFlowE2E(LinuxBrowserFixture linux) : IClassFixture<LinuxBrowserFixture>
{
    private readonly OperationContext _context = OperationContext.System("e2e", "pek3a");

    [LinuxFact]
    public async Task Eth1IsRealOnHostaItsPageReadsTheKernelAndTheConnectivityCheckReachesHostb()
    {
        var browser = linux.Browser;
        await GuideSteps.FreeTheDemoSubnetAsync(browser.App, _context);
        await using var session = await browser.OpenAsync(nameof(Eth1IsRealOnHostaItsPageReadsTheKernelAndTheConnectivityCheckReachesHostb), "/vxnets");
        var page = session.Page;

        var vxnetId = await GuideSteps.CreateAndJoinAsync(session, "linux-" + Guid.NewGuid().ToString("N")[..6]);
        var (nicRow, nicId) = await GuideSteps.RequestNicAsync(session, vxnetId, "172.16.1.100");
        await GuideSteps.AttachAsync(session, nicRow, "hosta");
        var hostb = (await browser.App.Get<RunInstances>().RunAsync(_context, new RunInstances.Request("hostb", [new NetworkChoice(vxnetId, "172.16.1.20")]))).Ok().ResourceIds.Single();
        await GuideSteps.UntilAsync(async () => (await browser.App.Get<InstanceQueries>().QueryAsync(_context, new InstanceQuery { Ids = [hostb] })).Ok().Items.Single().Status == InstanceStatus.Running);

        var hosta = (await browser.App.Get<InstanceQueries>().QueryAsync(_context, new InstanceQuery { SearchWord = "hosta" })).Ok().Items.Single().Id;
        var eth1 = LinuxNamespaces.IpJson(linux.Names.Server(hosta), "addr", "show", "dev", "eth1")[0];
        eth1.GetProperty("address").GetString().ShouldBe(nicId, "eth1 is a real link in hosta's namespace");

        await nicRow.Locator("a", new() { HasText = "hosta" }).ClickAsync();
        await Assertions.Expect(page.Locator("#guest-source")).ToHaveAttributeAsync("data-source", "kernel");
        await Assertions.Expect(page.Locator("#guest-drift")).ToHaveCountAsync(0);
        var ifconfig = page.Locator("#guest-ifconfig");
        await Assertions.Expect(ifconfig).ToContainTextAsync($"eth1      Link encap:Ethernet  HWaddr {nicId}");
        await Assertions.Expect(ifconfig).ToContainTextAsync("inet addr:172.16.1.100  Bcast:172.16.1.255  Mask:255.255.255.0");
        await Assertions.Expect(page.Locator("#guest-routes")).ToContainTextAsync(GuideSteps.Eth1Route());
        await session.StepAsync("guest-view-from-the-kernel");

        await page.Locator("#connectivity .connectivity-target input").FillAsync("172.16.1.20");
        await page.Locator("#connectivity-run").ClickAsync();
        await Assertions.Expect(page.Locator("#connectivity-verdict")).ToHaveAttributeAsync("data-reachable", "true", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#connectivity-output")).ToContainTextAsync("3 packets transmitted, 3 received");
        await session.StepAsync("hostb-reachable");

        await page.Locator("#connectivity .connectivity-target input").FillAsync("172.16.1.1");
        await page.Locator("#connectivity-run").ClickAsync();
        await Assertions.Expect(page.Locator("#connectivity-output")).ToContainTextAsync("PING 172.16.1.1", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#connectivity-verdict")).ToHaveAttributeAsync("data-reachable", "true");
        await session.StepAsync("gateway-reachable");
    }
}
