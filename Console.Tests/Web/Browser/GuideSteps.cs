using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// The guide's flow by clicking (QingCloud's own NIC guide, with its numbers): create a VxNet, join it to the demo VPC
/// with 172.16.1.0/24, request a NIC with a chosen address, attach it to a server. Shared by the flow on the
/// simulation and the one on the real Linux data plane; each step leaves a screenshot.
/// </summary>
public static partial class GuideSteps
{
    /// <summary>Creates VxNet <paramref name="name"/> on the VxNets page and joins it to the demo VPC; returns its id.</summary>
    public static async Task<string> CreateAndJoinAsync(BrowserSession session, string name)
    {
        var page = session.Page;
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
        return (await vxnetRow.Locator("td").Nth(0).InnerTextAsync()).Trim();
    }

    /// <summary>Requests a NIC in <paramref name="vxnetId"/> with <paramref name="ip"/> on the NICs page; returns its row and id.</summary>
    public static async Task<(ILocator Row, string NicId)> RequestNicAsync(BrowserSession session, string vxnetId, string ip)
    {
        var page = session.Page;
        await page.Locator("nav a[href=nics]").ClickAsync();
        await page.Locator("#nics-request").ClickAsync();
        await page.Locator("#request-vxnet").ClickAsync();
        var choice = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = vxnetId });
        await Assertions.Expect(choice).ToContainTextAsync("/252");
        await session.StepAsync("choose-vxnet");
        await page.ChooseAsync(choice);
        await page.Locator("#ip-manual").ClickAsync();
        await page.Locator("#request-ip").FillAsync("172.16.1.254");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("DHCP");
        await Assertions.Expect(page.Locator("#request-submit")).ToBeDisabledAsync();
        await session.StepAsync("reserved-refused");
        await page.Locator("#request-ip").FillAsync(ip);
        await Assertions.Expect(page.Locator("#request-submit")).ToBeEnabledAsync();
        await session.StepAsync("request");
        await page.Locator("#request-submit").ClickAsync();

        var nicRow = page.Locator("#nics-grid tbody tr", new() { HasText = ip });
        await Assertions.Expect(nicRow).ToContainTextAsync("可用");
        await session.StepAsync("requested");
        var nicId = (await nicRow.Locator("td").Nth(1).InnerTextAsync()).Trim();
        nicId.ShouldMatch("^52:54(:[0-9a-f]{2}){4}$");
        return (nicRow, nicId);
    }

    /// <summary>Attaches the NIC of <paramref name="nicRow"/> to <paramref name="server"/> from its right-click menu; it becomes eth1.</summary>
    public static async Task AttachAsync(BrowserSession session, ILocator nicRow, string server)
    {
        var page = session.Page;
        await nicRow.ClickAsync(new() { Button = MouseButton.Right });
        await page.Locator(".mud-popover-open #menu-attach").ClickAsync();
        await page.Locator("#attach-server").ClickAsync();
        await page.ChooseAsync(server);
        await session.StepAsync("attach");
        await page.Locator("#attach-submit").ClickAsync();
        await Assertions.Expect(nicRow).ToContainTextAsync("已绑定", new() { Timeout = 10_000 });
        await Assertions.Expect(nicRow).ToContainTextAsync("eth1");
        await session.StepAsync("attached");
    }

    /// <summary>
    /// The demo's VxNet holds 172.16.1.0/24 (with whatever NICs other tests put there): its NICs go and it leaves the VPC,
    /// so the operator can join that /24 as the product's example does.
    /// </summary>
    public static async Task FreeTheDemoSubnetAsync(ApiFactory network, OperationContext context)
    {
        var holders = (await network.Get<VxNetQueries>().QueryAsync(context, new VxNetQuery { OnlyInVpc = true, Page = new(Limit: Limits.MaxPageSize) })).Ok().Items
            .Where(x => x.Subnet?.ToString() == "172.16.1.0/24").ToList();
        foreach (var holder in holders)
        {
            var nics = (await network.Get<NicQueries>().QueryAsync(context, new NicQuery { VxNetIds = [holder.Id], Page = new(Limit: Limits.MaxPageSize) })).Ok().Items;
            var attached = nics.Where(n => n.Status == NicStatus.InUse).Select(n => n.Id).ToList();
            if (attached.Count > 0)
            {
                (await network.Get<DetachNics>().RunAsync(context, attached)).Ok();
                await UntilAsync(async () => (await network.Get<NicQueries>().QueryAsync(context, new NicQuery { Ids = attached, Statuses = [NicStatus.Available] })).Ok().TotalCount == attached.Count);
            }
            if (nics.Count > 0)
            {
                (await network.Get<DeleteNics>().RunAsync(context, nics.Select(n => n.Id).ToList())).Ok();
            }
            (await network.Get<LeaveVpc>().RunAsync(context, holder.VpcId!, [holder.Id])).Ok();
            await UntilAsync(async () => (await network.Get<VxNetQueries>().QueryAsync(context, new VxNetQuery { Ids = [holder.Id] })).Ok().Items.Single().VpcId is null);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the jobs did not finish in time");
            await Task.Delay(100);
        }
    }

    /// <summary>eth1's connected route in <c>route -n</c>.</summary>
    [GeneratedRegex(@"172\.16\.1\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth1")]
    public static partial Regex Eth1Route();
}
