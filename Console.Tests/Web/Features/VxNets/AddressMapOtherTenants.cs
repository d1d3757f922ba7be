using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.VxNets;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.VxNets;

/// <summary>
/// The shared vxnet-0's address map, seen by an Operator of tenant a: another tenant's address is a used cell that
/// says so in the operator's language, with no NIC, server or link; the operator's own address names its NIC.
/// </summary>
public class AddressMapOtherTenants : ConsoleTestContext
{
    private const string Ours = "10.120.7.40";
    private const string Theirs = "10.120.7.50";

    private async Task<IRenderedComponent<VxNetsPage>> OpenBasicNetworkAsync()
    {
        foreach (var (tenant, name, ip) in new[] { ("a", "our-host", Ours), ("b", "their-host", Theirs) })
        {
            (await Harness.Get<RunInstances>().RunAsync(TenantScene.As(tenant, Role.Operator),
                new RunInstances.Request(name, [new NetworkChoice(ResourceIds.BasicVxNet, ip)]))).Ok();
        }
        await Harness.Jobs.RunAllPendingAsync();
        var @operator = Services.GetRequiredService<CurrentOperator>();
        (@operator.User, @operator.Role, @operator.Tenant) = ("operator-a", Role.Operator, "a");
        await StoreAsync();
        RenderWithProviders<VxNetsPage>(out var page);
        page.WaitForAssertion(() => page.Row("#vxnets-grid", ResourceIds.BasicVxNet), TimeSpan.FromSeconds(10));
        await page.Row("#vxnets-grid", ResourceIds.BasicVxNet).QuerySelectorAll("td")[1].ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find($"#address-map [data-ip='{Theirs}']"), TimeSpan.FromSeconds(10));
        return page;
    }

    [Theory]
    [InlineData(Cultures.Chinese, "10.120.7.50 · 已用（其他租户）")]
    [InlineData("en-US", "10.120.7.50 · used (another tenant)")]
    public async Task AnotherTenantsAddressIsUsedWithoutNamingItsNicOrServer(string culture, string title)
    {
        UseCulture(culture);

        var page = await OpenBasicNetworkAsync();

        var cell = page.Find($"#address-map [data-ip='{Theirs}']");
        cell.LocalName.ShouldBe("span");
        cell.GetAttribute("data-kind").ShouldBe("used");
        cell.GetAttribute("title").ShouldBe(title);
        cell.HasAttribute("href").ShouldBeFalse();
        cell.HasAttribute("data-nic").ShouldBeFalse();
        page.Find("#vxnet-detail").TextContent.ShouldNotContain("their-host");
        page.Find("#vxnet-detail").InnerHtml.ShouldNotContain("their-host");
    }

    [Fact]
    public async Task TheOperatorsOwnAddressStillNamesItsNicAndServer()
    {
        var page = await OpenBasicNetworkAsync();

        var cell = page.Find($"#address-map [data-ip='{Ours}']");
        cell.LocalName.ShouldBe("a");
        cell.GetAttribute("data-nic").ShouldNotBeNullOrEmpty();
        cell.GetAttribute("title")!.ShouldContain("our-host");
    }
}
