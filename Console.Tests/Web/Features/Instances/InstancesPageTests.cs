using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Instances;

namespace NicConsole.Tests.Web.Features.Instances;

public class InstancesPageTests : ConsoleTestContext
{
    [Fact]
    public async Task ListsServersWithTheirNicSlots()
    {
        await Harness.RunServerAsync("hosta");
        await StoreAsync();

        RenderWithProviders<InstancesPage>(out var page);

        page.WaitForAssertion(() => page.Find("#instances-grid tbody").TextContent.ShouldContain("hosta"));
        page.Find("#instances-grid tbody").TextContent.ShouldContain("1/64");
        page.Find("#instances-grid tbody").TextContent.ShouldContain("运行中");
    }

    [Fact]
    public async Task ARunningServerCanBeStoppedButNotStartedAndTheListFollowsItsJob()
    {
        var server = await Harness.RunServerAsync("hosta");
        await StoreAsync();
        RenderWithProviders<InstancesPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#instances-grid tbody tr").Count.ShouldBe(1));

        await page.Find("#instances-grid tbody tr").ContextMenuAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.Find("#menu-starting").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-starting").TextContent.ShouldContain(server);
        await Popovers.Find("#menu-stopping").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#instances-grid tbody").TextContent.ShouldContain("关机中"));
        await Harness.Jobs.RunAllPendingAsync();
        page.WaitForAssertion(() => page.Find("#instances-grid tbody").TextContent.ShouldContain("已关机"));
    }
}
