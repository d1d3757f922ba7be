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

    [Fact]
    public async Task TheToolbarActsOnTheSelectionAndTerminatingAsksFirst()
    {
        var server = await Harness.RunServerAsync("hosta");
        await StoreAsync();
        var providers = RenderWithProviders<InstancesPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#instances-grid tbody tr").Count.ShouldBe(1));
        page.Find("#instances-stopping").HasAttribute("disabled").ShouldBeTrue();

        await page.Find("#instances-grid tbody tr input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => page.Find("#instances-stopping").HasAttribute("disabled").ShouldBeFalse());
        page.Find("#instances-starting").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#instances-starting").GetAttribute("title")!.ShouldContain(server);
        var asking = page.Find("#instances-terminating").ClickAsync(new MouseEventArgs());
        providers.WaitForElement(".mud-message-box");
        providers.Find(".mud-message-box").TextContent.ShouldContain("hosta");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new MouseEventArgs());
        await asking;
        (await Harness.Get<InstanceQueries>().QueryAsync(Operator, new InstanceQuery())).Ok().Items.Single().Status.ShouldBe(InstanceStatus.Running);

        asking = page.Find("#instances-terminating").ClickAsync(new MouseEventArgs());
        providers.WaitForElement(".mud-message-box");
        await providers.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("删除")).ClickAsync(new MouseEventArgs());
        await asking;
        page.WaitForAssertion(() => page.Find("#instances-grid tbody").TextContent.ShouldContain("删除中"));
    }
}
