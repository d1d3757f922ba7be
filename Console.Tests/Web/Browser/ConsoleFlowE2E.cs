using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Tests.Web.Browser;

/// <summary>What a new operator does, by clicking: the whole flow with the numbers of the product's own example.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public partial class ConsoleFlowE2E(BrowserFixture browser)
{
    private readonly OperationContext _context = OperationContext.System("e2e", "pek3a");

    [Fact]
    public async Task CreateJoinRequestAttachAndSeeEth1OnHosta()
    {
        await FreeTheDemoSubnetAsync();
        await using var session = await browser.OpenAsync(nameof(CreateJoinRequestAttachAndSeeEth1OnHosta), "/vxnets");
        var page = session.Page;
        var name = "flow-" + Guid.NewGuid().ToString("N")[..6];

        await page.Locator("#vxnets-create").ClickAsync();
        await page.Locator("#create-vxnet-name").FillAsync(name);
        await session.StepAsync("create-vxnet");
        await page.Locator("#create-vxnet-submit").ClickAsync();
        var vxnetRow = page.Locator("#vxnets-grid tbody tr", new() { HasText = name });
        await Assertions.Expect(vxnetRow).ToContainTextAsync("未加入 VPC");
        await session.StepAsync("created");

        await vxnetRow.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-join").ClickAsync();
        await page.Locator("#join-vpc").ClickAsync();
        await page.ChooseAsync("172.16.0.0/16");
        await page.Locator("#join-subnet").FillAsync("172.17.1.0/24");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("172.16.0.0/16");
        await Assertions.Expect(page.Locator("#join-submit")).ToBeDisabledAsync();
        await session.StepAsync("outside-the-vpc-refused");
        await page.Locator("#join-subnet").FillAsync("172.16.1.0/24");
        await Assertions.Expect(page.Locator("#join-preview")).ToContainTextAsync("172.16.1.1");
        await session.StepAsync("join");
        await page.Locator("#join-submit").ClickAsync();
        await Assertions.Expect(vxnetRow).ToContainTextAsync("demo-vpc", new() { Timeout = 10_000 });
        await Assertions.Expect(vxnetRow).ToContainTextAsync("172.16.1.0/24");
        await session.StepAsync("joined");
        var vxnetId = (await vxnetRow.Locator("td").Nth(0).InnerTextAsync()).Trim();

        await page.Locator("nav a[href=nics]").ClickAsync();
        await page.Locator("#nics-request").ClickAsync();
        await page.Locator("#request-vxnet").ClickAsync();
        var choice = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = vxnetId });
        await Assertions.Expect(choice).ToContainTextAsync("0/252");
        await session.StepAsync("choose-vxnet");
        await page.ChooseAsync(choice);
        await page.Locator("#ip-manual").ClickAsync();
        await page.Locator("#request-ip").FillAsync("172.16.1.254");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("DHCP");
        await Assertions.Expect(page.Locator("#request-submit")).ToBeDisabledAsync();
        await session.StepAsync("reserved-refused");
        await page.Locator("#request-ip").FillAsync("172.16.1.100");
        await Assertions.Expect(page.Locator("#request-submit")).ToBeEnabledAsync();
        await session.StepAsync("request");
        await page.Locator("#request-submit").ClickAsync();

        var nicRow = page.Locator("#nics-grid tbody tr", new() { HasText = "172.16.1.100" });
        await Assertions.Expect(nicRow).ToContainTextAsync("可用");
        await session.StepAsync("requested");
        var nicId = (await nicRow.Locator("td").Nth(1).InnerTextAsync()).Trim();
        nicId.ShouldMatch("^52:54(:[0-9a-f]{2}){4}$");

        await nicRow.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-attach").ClickAsync();
        await page.Locator("#attach-server").ClickAsync();
        await page.ChooseAsync("hosta");
        await session.StepAsync("attach");
        await page.Locator("#attach-submit").ClickAsync();
        await Assertions.Expect(nicRow).ToContainTextAsync("已绑定", new() { Timeout = 10_000 });
        await Assertions.Expect(nicRow).ToContainTextAsync("eth1");
        await session.StepAsync("attached");

        await nicRow.Locator("a", new() { HasText = "hosta" }).ClickAsync();

        var ifconfig = page.Locator("#guest-ifconfig");
        await Assertions.Expect(ifconfig).ToContainTextAsync($"eth1      Link encap:Ethernet  HWaddr {nicId}");
        await Assertions.Expect(ifconfig).ToContainTextAsync("inet addr:172.16.1.100  Bcast:172.16.1.255  Mask:255.255.255.0");
        await Assertions.Expect(page.Locator("#guest-routes")).ToContainTextAsync(Eth1Route());
        await Assertions.Expect(page.Locator(".guest-netplan[data-interface=eth1]")).ToContainTextAsync("addresses: [172.16.1.100/24]");
        await session.StepAsync("guest-view");
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

    /// <summary>
    /// The demo's VxNet holds 172.16.1.0/24 (with whatever NICs other tests put there): its NICs go and it leaves the VPC,
    /// so the operator can join that /24 as the product's example does.
    /// </summary>
    private async Task FreeTheDemoSubnetAsync()
    {
        var network = browser.App;
        var holders = (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { OnlyInVpc = true, Page = new(Limit: Limits.MaxPageSize) })).Ok().Items
            .Where(x => x.Subnet?.ToString() == "172.16.1.0/24").ToList();
        foreach (var holder in holders)
        {
            var nics = (await network.Get<NicQueries>().QueryAsync(_context, new NicQuery { VxNetIds = [holder.Id], Page = new(Limit: Limits.MaxPageSize) })).Ok().Items;
            var attached = nics.Where(n => n.Status == NicStatus.InUse).Select(n => n.Id).ToList();
            if (attached.Count > 0)
            {
                (await network.Get<DetachNics>().RunAsync(_context, attached)).Ok();
                await UntilAsync(async () => (await network.Get<NicQueries>().QueryAsync(_context, new NicQuery { Ids = attached, Statuses = [NicStatus.Available] })).Ok().TotalCount == attached.Count);
            }
            if (nics.Count > 0)
            {
                (await network.Get<DeleteNics>().RunAsync(_context, nics.Select(n => n.Id).ToList())).Ok();
            }
            (await network.Get<LeaveVpc>().RunAsync(_context, holder.VpcId!, [holder.Id])).Ok();
            await UntilAsync(async () => (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { Ids = [holder.Id] })).Ok().Items.Single().VpcId is null);
        }
    }

    /// <summary>A running server with eth0 and 63 secondary NICs (64 in all), and one more NIC that is available.</summary>
    private async Task<(string Server, string Spare)> AServerWith64NicsAndASpareNicAsync()
    {
        var network = browser.App;
        var vpc = (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { OnlyInVpc = true })).Ok().Items.First().VpcId!;
        var vxnet = (await network.Get<CreateVxNets>().RunAsync(_context, "full-" + Guid.NewGuid().ToString("N")[..6])).Ok().Single();
        (await network.Get<JoinVpc>().RunAsync(_context, new JoinVpc.Request(vxnet, vpc, "172.16.64.0/24"))).Ok();
        await UntilAsync(async () => (await network.Get<VxNetQueries>().QueryAsync(_context, new VxNetQuery { Ids = [vxnet], OnlyAcceptingNics = true })).Ok().TotalCount == 1);
        var name = "full-host-" + Guid.NewGuid().ToString("N")[..4];
        var server = (await network.Get<RunInstances>().RunAsync(_context, new RunInstances.Request(name, [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds.Single();
        var nics = (await network.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(vxnet, "past64", Limits.NicsPerServer))).Ok().Select(n => n.NicId).ToList();
        await UntilAsync(async () => (await network.Get<InstanceQueries>().QueryAsync(_context, new InstanceQuery { Ids = [server] })).Ok().Items.Single().Status == InstanceStatus.Running);
        (await network.Get<AttachNics>().RunAsync(_context, nics[..^1], server)).Ok();
        await UntilAsync(async () => (await network.Get<NicQueries>().QueryAsync(_context, new NicQuery { InstanceIds = [server], Statuses = [NicStatus.InUse] })).Ok().TotalCount == 64);
        return (name, nics[^1]);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the jobs did not finish in time");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"172\.16\.1\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth1")]
    private static partial Regex Eth1Route();
}
