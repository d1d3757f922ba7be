using Microsoft.Playwright;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// Two operators and a NIC: the scene is made through the use cases, then operator 1 attaches the NIC by clicking
/// while operator 2 watches its NIC list and the overview in a second tab, neither of which is reloaded.
/// </summary>
public static class LiveScene
{
    private static readonly OperationContext Context = OperationContext.System("e2e", "pek3a");

    /// <summary>
    /// A NIC available in a VxNet of its own (joined to the demo VPC with <paramref name="subnet"/>) and a running
    /// server of its own, so that what other tests did to the demo's VxNet and hosta does not matter.
    /// </summary>
    public static async Task<(string NicId, string Server)> AvailableNicAndRunningServerAsync(ApiFactory network, string subnet)
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var vpc = (await network.Get<VpcQueries>().QueryAsync(Context, new VpcQuery { SearchWord = "demo-vpc" })).Ok().Items.Single().Id;
        var vxnet = (await network.Get<CreateVxNets>().RunAsync(Context, "live-" + suffix)).Ok().Single();
        (await network.Get<JoinVpc>().RunAsync(Context, new JoinVpc.Request(vxnet, vpc, subnet))).Ok();
        var server = "live-host-" + suffix;
        var serverId = (await network.Get<RunInstances>().RunAsync(Context, new RunInstances.Request(server, [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds.Single();
        await UntilAsync(async () => (await network.Get<VxNetQueries>().QueryAsync(Context, new VxNetQuery { Ids = [vxnet], OnlyAcceptingNics = true })).Ok().TotalCount == 1);
        var nic = (await network.Get<RequestNics>().RunAsync(Context, new RequestNics.Request(vxnet, "live-nic", 1, []))).Ok().Single().NicId;
        await UntilAsync(async () => (await network.Get<InstanceQueries>().QueryAsync(Context, new InstanceQuery { Ids = [serverId] })).Ok().Items.Single().Status == InstanceStatus.Running);
        return (nic, server);
    }

    public static async Task AttachOnOneAndSeeItOnTheOtherAsync(BrowserSession first, BrowserSession second, BrowserSession overview, string nic, string server)
    {
        var mine = await NicRowAsync(first, nic);
        var theirs = await NicRowAsync(second, nic);
        // The dashboard counts NICs by status: one more in use once the attach lands.
        var inUse = overview.Page.Locator("#count-nics .count-status[data-status=in-use] b");
        await Assertions.Expect(inUse).ToBeVisibleAsync();
        var before = int.Parse((await inUse.InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var session in new[] { second, overview })
        {
            await session.Page.EvaluateAsync("() => window.liveUpdatesMark = 'not reloaded'");
        }
        await first.StepAsync("operator-1-before");
        await second.StepAsync("operator-2-before");
        await overview.StepAsync("overview-before");

        await mine.ClickAsync(new() { Button = MouseButton.Right });
        await first.Page.Locator(".mud-popover-open #menu-attach").ClickAsync();
        await first.Page.Locator("#attach-server").ClickAsync();
        await first.Page.ChooseAsync(server);
        await first.StepAsync("operator-1-attaches");
        await first.Page.Locator("#attach-submit").ClickAsync();

        await Assertions.Expect(mine).ToContainTextAsync("已绑定", new() { Timeout = 10_000 });
        await first.StepAsync("operator-1-in-use");
        await Assertions.Expect(theirs).ToContainTextAsync("已绑定", new() { Timeout = 10_000 });
        await Assertions.Expect(theirs).ToContainTextAsync(server);
        await second.StepAsync("operator-2-in-use");
        await Assertions.Expect(inUse).ToHaveTextAsync((before + 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await overview.StepAsync("overview-in-use");
        foreach (var session in new[] { second, overview })
        {
            (await session.Page.EvaluateAsync<string?>("() => window.liveUpdatesMark")).ShouldBe("not reloaded");
        }
    }

    /// <summary>The operator's NIC list narrowed to one NIC, which is available.</summary>
    private static async Task<ILocator> NicRowAsync(BrowserSession session, string nic)
    {
        await session.Page.Locator("#nics-search").FillAsync(nic);
        var row = session.Page.Locator("#nics-grid tbody tr", new() { HasText = nic });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("可用");
        return row;
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
}
