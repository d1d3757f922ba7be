using Bunit;
using NicConsole.Web.Features.Overview;

namespace NicConsole.Tests.Web.Features.Overview;

public class OverviewPageTests : ConsoleTestContext
{
    [Fact]
    public async Task ShowsTheVpcsVxNetsNicsAndServersWithTheirCounts()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RunServerAsync("hosta");
        await Harness.RequestNicsAsync(vxnet, 2);
        await StoreAsync();

        RenderWithProviders<OverviewPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#nics tbody tr").Count.ShouldBe(3));
        page.Find("#vpcs tbody").TextContent.ShouldContain("172.16.0.0/16");
        page.Find("#vxnets tbody").TextContent.ShouldContain("172.16.1.0/24");
        page.Find("#vxnets tbody").TextContent.ShouldContain("2/252");
        page.Find("#instances tbody").TextContent.ShouldContain("hosta");
        page.Find("#nics .overview-count").TextContent.ShouldBe("共 3 个");
        page.Find("#vxnets .overview-count").TextContent.ShouldBe("共 2 个");
    }

    [Fact]
    public async Task UpdatesAfterAChangeWithoutAReload()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync("hosta");
        await StoreAsync();
        RenderWithProviders<OverviewPage>(out var page);
        page.WaitForAssertion(() => page.Find("#instances tbody").TextContent.ShouldContain("eth0"));

        var nic = (await Harness.RequestNicsAsync(vxnet, 1, "172.16.1.50"))[0];
        page.WaitForAssertion(() => page.Find("#nics tbody").TextContent.ShouldContain("172.16.1.50"));
        await Harness.AttachAsync(server, nic);

        page.WaitForAssertion(() => page.Find("#instances tbody").TextContent.ShouldContain("eth1 172.16.1.50"));
        page.Find("#vxnets tbody").TextContent.ShouldContain("1/252");
    }

    [Fact]
    public async Task SpeaksEnglishInEnglish()
    {
        UseCulture("en-US");
        await StoreAsync();

        RenderWithProviders<OverviewPage>(out var page);

        page.WaitForAssertion(() => page.Find("#vxnets .overview-count").TextContent.ShouldBe("1 in all"));
    }
}
