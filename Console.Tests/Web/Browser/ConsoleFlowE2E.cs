using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Tests.Web.Browser;

/// <summary>What a new operator does, by clicking: the whole flow with the numbers of the product's own example.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class ConsoleFlowE2E(BrowserFixture browser)
{
    private readonly OperationContext _context = OperationContext.System("e2e", "pek3a");

    [Fact]
    public async Task CreateJoinRequestAttachAndSeeEth1OnHosta()
    {
        await GuideSteps.FreeTheDemoSubnetAsync(browser.App, _context);
        await using var session = await browser.OpenAsync(nameof(CreateJoinRequestAttachAndSeeEth1OnHosta), "/vxnets");
        var page = session.Page;

        var vxnetId = await GuideSteps.CreateAndJoinAsync(session, "flow-" + Guid.NewGuid().ToString("N")[..6]);
        var (nicRow, nicId) = await GuideSteps.RequestNicAsync(session, vxnetId, "172.16.1.100");
        await GuideSteps.AttachAsync(session, nicRow, "hosta");

        await nicRow.Locator("a", new() { HasText = "hosta" }).ClickAsync();

        var ifconfig = page.Locator("#guest-ifconfig");
        await Assertions.Expect(ifconfig).ToContainTextAsync($"eth1      Link encap:Ethernet  HWaddr {nicId}");
        await Assertions.Expect(ifconfig).ToContainTextAsync("inet addr:172.16.1.100  Bcast:172.16.1.255  Mask:255.255.255.0");
        await Assertions.Expect(page.Locator("#guest-routes")).ToContainTextAsync(GuideSteps.Eth1Route());
        await Assertions.Expect(page.Locator(".guest-netplan[data-interface=eth1]")).ToContainTextAsync("addresses: [172.16.1.100/24]");
        await session.StepAsync("guest-view");

        // The dashboard's control-plane card has heard the attach's job, from the instruments Prometheus would scrape.
        await session.GoToAsync("/");
        await Assertions.Expect(page.Locator("#control-plane-jobs")).ToHaveTextAsync(new Regex(@"（一小时 [1-9]\d* 个）$"));
        await Assertions.Expect(page.Locator("#control-plane-p95")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? (ms|s)$"));
        await session.StepAsync("control-plane-card");
    }

    [Fact]
    public async Task AttachingPastTheServers64NicsShowsTheRefusal()
    {
        var (server, spare) = await AServerWith64NicsAndASpareNicAsync();
        await using var session = await browser.OpenAsync(nameof(AttachingPastTheServers64NicsShowsTheRefusal), "/nics");
        var page = session.Page;
        await page.Locator("#nics-search").FillAsync(spare);
        var row = page.Locator("#nics-grid tbody tr", new() { HasText = spare });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-attach").ClickAsync();
        await page.Locator("#attach-server").ClickAsync();

        var full = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = server });
        await Assertions.Expect(full).ToContainTextAsync("64/64");
        await Assertions.Expect(full).ToContainTextAsync("超过 64 块的上限");
        await Assertions.Expect(full).ToHaveClassAsync(new Regex("mud-list-item-disabled"));
        await session.StepAsync("full-server-refused");
        await full.ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("#attach-submit")).ToBeDisabledAsync();
        await session.StepAsync("cannot-confirm");
    }

    /// <summary>A running server with eth0 and 63 secondary NICs (64 in all), and one more NIC that is available.</summary>
    private async Task<(string Server, string Spare)> AServerWith64NicsAndASpareNicAsync()
    {
        var network = browser.App;
        var vpc = (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { OnlyInVpc = true })).Ok().Items.First().VpcId!;
        var vxnet = (await network.Get<CreateVxNets>().RunAsync(_context, "full-" + Guid.NewGuid().ToString("N")[..6])).Ok().Single();
        (await network.Get<JoinVpc>().RunAsync(_context, new JoinVpc.Request(vxnet, vpc, "172.16.64.0/24"))).Ok();
        await GuideSteps.UntilAsync(async () => (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { Ids = [vxnet], OnlyAcceptingNics = true })).Ok().TotalCount == 1);
        var name = "full-host-" + Guid.NewGuid().ToString("N")[..4];
        var server = (await network.Get<RunInstances>().RunAsync(_context, new RunInstances.Request(name, [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds.Single();
        var nics = (await network.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(vxnet, "past64", Limits.NicsPerServer))).Ok().Select(n => n.NicId).ToList();
        await GuideSteps.UntilAsync(async () => (await network.Get<InstanceQueries>().QueryAsync(_context, new InstanceQuery { Ids = [server] })).Ok().Items.Single().Status == InstanceStatus.Running);
        (await network.Get<AttachNics>().RunAsync(_context, nics[..^1], server)).Ok();
        await GuideSteps.UntilAsync(async () => (await network.Get<NicQueries>().QueryAsync(_context, new NicQuery { InstanceIds = [server], Statuses = [NicStatus.InUse] })).Ok().TotalCount == 64);
        return (name, nics[^1]);
    }
}
