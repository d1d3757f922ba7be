using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.VxNets;

namespace NicConsole.Tests.Web.Features.VxNets;

public class VxNetsPageTests : ConsoleTestContext
{
    [Fact]
    public async Task ListsVxNetsWithTheirVpcAndAddressUse()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 5);
        await StoreAsync();

        RenderWithProviders<VxNetsPage>(out var page);

        page.WaitForAssertion(() => page.FindAll("#vxnets-grid tbody tr").Count.ShouldBe(2));
        var row = page.Row("#vxnets-grid", vxnet);
        row.TextContent.ShouldContain("172.16.1.0/24");
        row.TextContent.ShouldContain("5/252");
    }

    [Fact]
    public async Task TheBasicNetworkCannotJoinLeaveOrBeDeletedAndSaysWhy()
    {
        await StoreAsync();
        RenderWithProviders<VxNetsPage>(out var page);
        page.WaitForAssertion(() => page.HasRow("#vxnets-grid", ResourceIds.BasicVxNet).ShouldBeTrue());

        await page.InvokeAsync(() => page.Row("#vxnets-grid", ResourceIds.BasicVxNet).ContextMenuAsync(new MouseEventArgs()));

        Popovers.WaitForAssertion(() => Popovers.Find("#menu-join").GetAttribute("aria-disabled").ShouldBe("true"));
        Popovers.Find("#menu-join").TextContent.Mentions("vxnet-0").ShouldBeTrue();
        Popovers.Find("#menu-delete-vxnet").GetAttribute("aria-disabled").ShouldBe("true");
        Popovers.Find("#menu-leave").GetAttribute("aria-disabled").ShouldBe("true");
    }
}
