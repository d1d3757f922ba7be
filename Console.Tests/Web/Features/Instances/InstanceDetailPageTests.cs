using Bunit;
using Microsoft.AspNetCore.Components;
using NicConsole.Web.Components.Pages;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Instances;

public class InstanceDetailPageTests : ConsoleTestContext
{
    /// <summary>hosta with eth0 at 10.120.7.40 in the basic network, and a VPC with 172.16.1.0/24 and 172.16.2.0/24.</summary>
    private async Task<(string Server, string Eth0, string Web, string Db)> SceneAsync()
    {
        var vpc = await Harness.CreateVpcAsync();
        var web = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var db = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var server = (await Harness.Get<RunInstances>().RunAsync(Operator, new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok().ResourceIds[0];
        await Harness.Jobs.RunAllPendingAsync();
        var eth0 = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { InstanceIds = [server] })).Ok().Items.Single().Id;
        return (server, eth0, web, db);
    }

    private async Task<IRenderedComponent<InstanceDetailPage>> ShowAsync(string instanceId)
    {
        await StoreAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<InstanceDetailPage>(ps => ps.Add(p => p.InstanceId, instanceId));
    }

    private static IReadOnlyList<string[]> Routes(IRenderedComponent<InstanceDetailPage> page) =>
        page.Find("#guest-routes").TextContent.Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    [Fact]
    public async Task ShowsEachNicAsTheGuestSeesItInIfconfig()
    {
        var (server, eth0, web, db) = await SceneAsync();
        var eth1 = (await Harness.RequestNicsAsync(web, 1, "172.16.1.10"))[0];
        var eth2 = (await Harness.RequestNicsAsync(db, 1, "172.16.2.10"))[0];
        await Harness.AttachAsync(server, eth1, eth2);

        var page = await ShowAsync(server);

        page.WaitForAssertion(() => page.Find("#instance-name").TextContent.ShouldBe("hosta"));
        var ifconfig = page.Find("#guest-ifconfig").TextContent;
        ifconfig.ShouldContain($"eth0      Link encap:Ethernet  HWaddr {eth0}\n          inet addr:10.120.7.40  Bcast:10.120.7.255  Mask:255.255.255.0");
        ifconfig.ShouldContain($"eth1      Link encap:Ethernet  HWaddr {eth1}\n          inet addr:172.16.1.10  Bcast:172.16.1.255  Mask:255.255.255.0");
        ifconfig.ShouldContain($"eth2      Link encap:Ethernet  HWaddr {eth2}\n          inet addr:172.16.2.10  Bcast:172.16.2.255  Mask:255.255.255.0");
        page.Markup.ShouldContain("网卡 3/64");
    }

    [Fact]
    public async Task RoutesByDefaultThroughTheGatewayOfEth0WithOneConnectedRoutePerSubnet()
    {
        var (server, _, web, db) = await SceneAsync();
        await Harness.AttachAsync(server, [.. await Harness.RequestNicsAsync(web, 1), .. await Harness.RequestNicsAsync(db, 1)]);

        var page = await ShowAsync(server);

        page.WaitForElement("#guest-routes");
        Routes(page).Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]} {r[^1]}").ShouldBe(
        [
            "0.0.0.0 10.120.7.1 0.0.0.0 UG eth0",
            "10.120.7.0 0.0.0.0 255.255.255.0 U eth0",
            "172.16.1.0 0.0.0.0 255.255.255.0 U eth1",
            "172.16.2.0 0.0.0.0 255.255.255.0 U eth2",
        ]);
    }

    [Fact]
    public async Task GivesTheNetplanOfEachSecondaryNicOnly()
    {
        var (server, _, web, _) = await SceneAsync();
        var eth1 = (await Harness.RequestNicsAsync(web, 1, "172.16.1.10"))[0];
        await Harness.AttachAsync(server, eth1);

        var page = await ShowAsync(server);

        page.WaitForElement("#guest-routes");
        var netplan = page.FindAll(".guest-netplan").ShouldHaveSingleItem();
        netplan.GetAttribute("data-interface").ShouldBe("eth1");
        netplan.TextContent.ShouldContain("# /etc/netplan/60-eth1.yaml");
        netplan.TextContent.ShouldContain($"macaddress: \"{eth1}\"");
        netplan.TextContent.ShouldContain("addresses: [172.16.1.10/24]");
        page.Markup.ShouldNotContain("同网段");
    }

    [Fact]
    public async Task WarnsWhenTwoNicsShareASubnet()
    {
        var (server, _, web, _) = await SceneAsync();
        await Harness.AttachAsync(server, [.. await Harness.RequestNicsAsync(web, 2)]);

        var page = await ShowAsync(server);

        page.WaitForAssertion(() => page.Find(".mud-alert").TextContent.ShouldContain("eth2 已有同网段网卡，可能导致非对称路由"));
        page.FindAll(".mud-alert").Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUnknownServerShowsTheConsolesNotFoundPageWithAWayBackToTheList()
    {
        await SceneAsync();

        var page = await ShowAsync("i-nothere0");

        page.WaitForAssertion(() => page.Find("#not-found"));
        var notFoundPage = Texts(Render<NotFound>().FindAll("#not-found .mud-typography, #not-found-home"));
        notFoundPage.Count.ShouldBe(3);
        Texts(page.FindAll("#not-found .mud-typography, #not-found-home")).ShouldBe(notFoundPage);
        page.Find("#not-found-back").GetAttribute("href").ShouldBe("instances");
        page.Find("#not-found-back").TextContent.Trim().ShouldBe("回到云服务器列表");
        page.FindAll("#guest-ifconfig").ShouldBeEmpty();
        page.FindAll("#instance-name").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherTenantsServerLooksExactlyLikeOneThatIsNotThere()
    {
        var theirs = (await Harness.Get<RunInstances>().RunAsync(TenantScene.As("b", Role.Operator),
            new RunInstances.Request("their-host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await Harness.Jobs.RunAllPendingAsync();
        var @operator = Services.GetRequiredService<CurrentOperator>();
        (@operator.User, @operator.Role, @operator.Tenant) = ("operator-a", Role.Operator, "a");

        var state = Services.GetRequiredService<IState<InstanceDetailState>>();
        var page = await ShowAsync(theirs);
        page.WaitForAssertion(() => (state.Value.InstanceId, state.Value.NotFound).ShouldBe((theirs, true)));
        var theirs404 = page.Find("#not-found").OuterHtml;
        var markup = page.Markup;
        page.Render(ps => ps.Add(p => p.InstanceId, "i-nothere0"));
        page.WaitForAssertion(() => (state.Value.InstanceId, state.Value.NotFound).ShouldBe(("i-nothere0", true)));

        markup.ShouldNotContain("their-host");
        theirs404.ShouldBe(page.Find("#not-found").OuterHtml);
        (@operator.Role, @operator.Tenant) = (Role.Admin, OperationContext.DefaultTenant);
        page.Render(ps => ps.Add(p => p.InstanceId, theirs));
        page.WaitForAssertion(() => page.Find("#instance-name").TextContent.ShouldBe("their-host"));
    }

    private static IReadOnlyList<string> Texts(IEnumerable<AngleSharp.Dom.IElement> elements) =>
        [.. elements.Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task ANicAttachedElsewhereAppearsOnceItsJobHasRun()
    {
        var (server, _, web, _) = await SceneAsync();
        var nic = (await Harness.RequestNicsAsync(web, 1, "172.16.1.10"))[0];
        var page = await ShowAsync(server);
        page.WaitForAssertion(() => page.Find("#guest-ifconfig").TextContent.ShouldContain("eth0"));
        page.Find("#guest-ifconfig").TextContent.ShouldNotContain("eth1");

        (await Harness.Get<AttachNics>().RunAsync(Harness.Context, [nic], server)).Ok();
        await Harness.Jobs.RunAllPendingAsync();

        page.WaitForAssertion(() => page.Find("#guest-ifconfig").TextContent.ShouldContain($"eth1      Link encap:Ethernet  HWaddr {nic}"));
        page.Find("#guest-routes").TextContent.ShouldContain("172.16.1.0");
        page.Markup.ShouldContain("网卡 2/64");
    }
}
