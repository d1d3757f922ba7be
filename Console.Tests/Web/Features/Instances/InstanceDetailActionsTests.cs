using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Instances;

namespace NicConsole.Tests.Web.Features.Instances;

public class InstanceDetailActionsTests : ConsoleTestContext
{
    [Fact]
    public async Task ListsTheServersNicsWithDetachForSecondaryOnesOnly()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync();
        var nic = (await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.10")).Single();
        await Harness.AttachAsync(server, nic);
        await StoreAsync();

        RenderWithProviders<InstanceDetailPage>(out var page);
        page.Render(ps => ps.Add(p => p.InstanceId, server));

        page.WaitForAssertion(() => page.FindAll("#instance-nics tbody tr").Count.ShouldBe(2));
        var eth0 = page.FindAll("#instance-nics tbody tr").Single(r => r.TextContent.Contains("eth0"));
        eth0.QuerySelector("button.detach")!.HasAttribute("disabled").ShouldBeTrue();
        eth0.QuerySelector("button.detach")!.GetAttribute("title")!.ShouldContain("主网卡");
        var eth1 = page.FindAll("#instance-nics tbody tr").Single(r => r.TextContent.Contains("eth1"));
        eth1.TextContent.ShouldContain("172.16.1.10");

        await eth1.QuerySelector("button.detach")!.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.FindAll("#instance-nics tbody tr").Single(r => r.TextContent.Contains("eth1")).TextContent.ShouldContain("解绑中"));
        await Harness.Jobs.RunAllPendingAsync();
        page.WaitForAssertion(() => page.FindAll("#instance-nics tbody tr").Count.ShouldBe(1));
    }

    [Fact]
    public async Task TheServersOwnButtonsSayWhatDoesNotApply()
    {
        var server = await Harness.RunServerAsync();
        await StoreAsync();

        RenderWithProviders<InstanceDetailPage>(out var page);
        page.Render(ps => ps.Add(p => p.InstanceId, server));

        page.WaitForAssertion(() => page.Find("#instance-stopping").HasAttribute("disabled").ShouldBeFalse());
        page.Find("#instance-starting").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#instance-starting").GetAttribute("title")!.ShouldContain(server);

        await page.Find("#instance-stopping").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#instance-starting").GetAttribute("title")!.ShouldContain("stopping"));
        await Harness.Jobs.RunAllPendingAsync();
        page.WaitForAssertion(() => page.Find("#instance-starting").HasAttribute("disabled").ShouldBeFalse());
    }
}
