using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Web.Features.Wizard;
using NicConsole.Web.Features.Wizard.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Features.Wizard;

public class WizardPageTests : ConsoleTestContext
{
    private string _vpc = "";
    private string _server = "";

    /// <summary>A VPC 172.16.0.0/16 that already has 172.16.1.0/24, and hosta running with eth0 in vxnet-0.</summary>
    private async Task<IRenderedComponent<WizardPage>> OpenAsync()
    {
        _vpc = await Harness.CreateVpcAsync();
        await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        _server = await Harness.RunServerAsync();
        await StoreAsync();
        RenderWithProviders<WizardPage>(out var page);
        return page;
    }

    private static void ShowsStep(IRenderedComponent<WizardPage> page, WizardStep step) =>
        page.WaitForAssertion(() => page.Find("#wizard").GetAttribute("data-step").ShouldBe(step.ToString()));

    private static Task TypeAsync(IRenderedComponent<WizardPage> page, string id, string text) =>
        page.Find($"#{id}").InputAsync(new ChangeEventArgs { Value = text });

    private async Task ChooseAsync(IRenderedComponent<WizardPage> page, string id, string text)
    {
        await page.Find($"#{id}").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-popover-open .mud-list-item").ShouldContain(i => i.TextContent.Contains(text)));
        await Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(text)).ClickAsync(new MouseEventArgs());
    }

    private static IElement Next(IRenderedComponent<WizardPage> page) => page.Find("#wizard-next");

    private static async Task NextAsync(IRenderedComponent<WizardPage> page)
    {
        page.WaitForAssertion(() => Next(page).HasAttribute("disabled").ShouldBeFalse());
        await Next(page).ClickAsync(new MouseEventArgs());
    }

    private async Task<string> JoinedAsync(IRenderedComponent<WizardPage> page, string subnet)
    {
        await TypeAsync(page, "wizard-vxnet-name", "wiz-net");
        await NextAsync(page);
        ShowsStep(page, WizardStep.JoinVpc);
        await ChooseAsync(page, "wizard-join-vpc", "172.16.0.0/16");
        await TypeAsync(page, "wizard-join-subnet", subnet);
        await NextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-busy").TextContent.ShouldContain("j-"));
        await Harness.Jobs.RunAllPendingAsync();
        ShowsStep(page, WizardStep.NameNic);
        return Services.GetRequiredService<IState<WizardState>>().Value.VxNetId!;
    }

    [Fact]
    public async Task TheFirstStepAsksForANameOrOffersTheVxNetsOutsideAnyVpc()
    {
        var loose = (await Harness.Get<CreateVxNets>().RunAsync(Operator, "loose")).Ok()[0];

        var page = await OpenAsync();

        ShowsStep(page, WizardStep.CreateVxNet);
        page.Find("#wizard-vxnet-name").ShouldNotBeNull();
        Next(page).TextContent.ShouldContain("创建");
        await page.Find("#wizard-vxnet-existing").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-popover-open .mud-list-item").Count.ShouldBe(1));
        Popovers.Find(".mud-popover-open .mud-list-item").TextContent.ShouldContain(loose);
    }

    [Fact]
    public async Task AnExistingVxNetGoesStraightToItsJoin()
    {
        var loose = (await Harness.Get<CreateVxNets>().RunAsync(Operator, "loose")).Ok()[0];
        var page = await OpenAsync();

        await ChooseAsync(page, "wizard-vxnet-existing", loose);
        await NextAsync(page);

        ShowsStep(page, WizardStep.JoinVpc);
        page.Find("#wizard").TextContent.ShouldContain(loose);
        (await Harness.Get<VxNetQueries>().QueryAsync(Operator, new VxNetQuery())).Ok().TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task ASubnetThatOverlapsIsRefusedAsTypedAndAGoodOneShowsGatewayAndDhcp()
    {
        var page = await OpenAsync();
        await TypeAsync(page, "wizard-vxnet-name", "wiz-net");
        await NextAsync(page);
        ShowsStep(page, WizardStep.JoinVpc);
        await ChooseAsync(page, "wizard-join-vpc", "172.16.0.0/16");

        await TypeAsync(page, "wizard-join-subnet", "172.16.1.0/24");

        page.WaitForAssertion(() => page.Find("#wizard").TextContent.ShouldContain("网段 [172.16.1.0/24] 与同一 VPC 中的私有网络"));
        Next(page).HasAttribute("disabled").ShouldBeTrue();

        await TypeAsync(page, "wizard-join-subnet", "172.16.9.0/24");

        page.WaitForAssertion(() => page.Find("#wizard-join-preview").TextContent.ShouldContain("网关 172.16.9.1，DHCP 172.16.9.2 - 172.16.9.254"));
        page.Find("#wizard").TextContent.ShouldNotContain("重叠");
        Next(page).HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task ASubnetOutsideTheVpcRangeIsRefusedAsTyped()
    {
        var page = await OpenAsync();
        await TypeAsync(page, "wizard-vxnet-name", "wiz-net");
        await NextAsync(page);
        ShowsStep(page, WizardStep.JoinVpc);
        await ChooseAsync(page, "wizard-join-vpc", "172.16.0.0/16");

        await TypeAsync(page, "wizard-join-subnet", "10.0.9.0/24");

        page.WaitForAssertion(() => page.Find("#wizard").TextContent.ShouldContain("网段 [10.0.9.0/24] 不在 VPC 网段 [172.16.0.0/16] 之内"));
        Next(page).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task AReservedAddressIsRefusedAsTypedWithTheNextFreeOffered()
    {
        var page = await OpenAsync();
        await JoinedAsync(page, "172.16.9.0/24");
        await NextAsync(page);
        ShowsStep(page, WizardStep.ChooseVxNet);
        await NextAsync(page);
        ShowsStep(page, WizardStep.AssignIp);

        await page.Find("#wizard-ip-manual").ClickAsync(new MouseEventArgs());
        await TypeAsync(page, "wizard-request-ip", "172.16.9.1");

        page.WaitForAssertion(() => page.Find("#wizard").TextContent.ShouldContain("IP [172.16.9.1] 是网关地址，不能分配"));
        Next(page).HasAttribute("disabled").ShouldBeTrue();
        page.Find("#wizard-next-free").TextContent.ShouldContain("172.16.9.2, 172.16.9.3");
    }

    [Fact]
    public async Task WalksFromANewVxNetToEth1OnTheServer()
    {
        var page = await OpenAsync();

        var vxnet = await JoinedAsync(page, "172.16.9.0/24");
        await TypeAsync(page, "wizard-nic-name", "wiz-nic");
        await NextAsync(page);

        ShowsStep(page, WizardStep.ChooseVxNet);
        page.WaitForAssertion(() => page.Find("#wizard-nic-vxnet").GetAttribute("value").ShouldBe($"wiz-net ({vxnet}, 172.16.9.0/24) 0/252"));
        await NextAsync(page);

        ShowsStep(page, WizardStep.AssignIp);
        page.WaitForAssertion(() => page.Find("#wizard-next-free").TextContent.ShouldContain("172.16.9.2"));
        await page.Find("#wizard-ip-manual").ClickAsync(new MouseEventArgs());
        await TypeAsync(page, "wizard-request-ip", "172.16.9.100");
        await NextAsync(page);

        ShowsStep(page, WizardStep.Attach);
        var nic = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { VxNetIds = [vxnet] })).Ok().Items.Single();
        nic.Name.ShouldBe("wiz-nic");
        nic.PrivateIp.ToString().ShouldBe("172.16.9.100");
        page.WaitForAssertion(() => page.Find("#wizard-nic").TextContent.ShouldContain($"{nic.Id}（172.16.9.100）"));
        await ChooseAsync(page, "wizard-attach-server", "1/64");
        await NextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-busy").TextContent.ShouldContain("j-"));
        await Harness.Jobs.RunAllPendingAsync();

        ShowsStep(page, WizardStep.Verify);
        page.WaitForAssertion(() => page.Find("#guest-ifconfig").TextContent.ShouldContain($"eth1      Link encap:Ethernet  HWaddr {nic.Id}"));
        page.Find("#guest-ifconfig").TextContent.ShouldContain("inet addr:172.16.9.100  Bcast:172.16.9.255  Mask:255.255.255.0");
        page.Find("#guest-ifconfig").TextContent.ShouldNotContain("eth0");
        page.Find("#guest-routes").TextContent.ShouldMatch(@"172\.16\.9\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth1");
        page.Find("#wizard-instance-link").GetAttribute("href").ShouldBe($"instances/{_server}");
        (await Harness.NicAsync(nic.Id)).Status.ShouldBe(NicStatus.InUse);
    }

    [Fact]
    public async Task ARefusedRequestShowsOnTheStepAndTheStepStays()
    {
        var page = await OpenAsync();
        var vxnet = await JoinedAsync(page, "172.16.9.0/24");
        await NextAsync(page);
        await NextAsync(page);
        ShowsStep(page, WizardStep.AssignIp);
        await page.Find("#wizard-ip-manual").ClickAsync(new MouseEventArgs());
        await TypeAsync(page, "wizard-request-ip", "172.16.9.100");
        page.WaitForAssertion(() => Next(page).HasAttribute("disabled").ShouldBeFalse());

        await Harness.RequestNicsAsync(vxnet, 1, "172.16.9.100");
        await Next(page).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("#wizard-error").TextContent.ShouldContain("IP [172.16.9.100] 在私有网络"));
        ShowsStep(page, WizardStep.AssignIp);
        (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { VxNetIds = [vxnet] })).Ok().TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task AFailedJoinJobShowsItsErrorAndTheStepStays()
    {
        var page = await OpenAsync();
        await TypeAsync(page, "wizard-vxnet-name", "wiz-net");
        await NextAsync(page);
        ShowsStep(page, WizardStep.JoinVpc);
        await ChooseAsync(page, "wizard-join-vpc", "172.16.0.0/16");
        await TypeAsync(page, "wizard-join-subnet", "172.16.9.0/24");
        using var failure = Harness.DataPlane.FailWhen(_ => "bridge down");

        await NextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-busy").ShouldNotBeNull());
        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => page.Find("#wizard-error").TextContent.ShouldContain("bridge down"));
        ShowsStep(page, WizardStep.JoinVpc);
        page.FindAll("#wizard-busy").ShouldBeEmpty();
        Next(page).HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task StartingOverForgetsTheIdsButNotWhatWasMade()
    {
        var page = await OpenAsync();
        var vxnet = await JoinedAsync(page, "172.16.9.0/24");

        await page.Find("#wizard-restart").ClickAsync(new MouseEventArgs());

        ShowsStep(page, WizardStep.CreateVxNet);
        Services.GetRequiredService<IState<WizardState>>().Value.VxNetId.ShouldBeNull();
        (await Harness.Get<VxNetQueries>().QueryAsync(Operator, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single().Subnet.ToString().ShouldBe("172.16.9.0/24");
    }
}
