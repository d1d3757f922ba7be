using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using NicConsole.Domain.DataPlane;
using NicConsole.Tests.Web.Features.Shared;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Instances;

/// <summary>The server page with a data plane that can be probed (a fake one): the check runs, the guest comes from the kernel.</summary>
public class ConnectivityCheckTests : ConsoleTestContext
{
    private readonly FakeGuestProbe _probe;
    private string _server = "";
    private string _eth1 = "";

    public ConnectivityCheckTests()
        : this(new FakeGuestProbe())
    {
    }

    private ConnectivityCheckTests(FakeGuestProbe probe)
        : base(null, probe) => _probe = probe;

    /// <summary>hosta: eth0 10.120.7.40 (basic), eth1 172.16.1.10 in a VPC 172.16.0.0/16.</summary>
    private async Task SceneAsync()
    {
        var web = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24");
        (await Harness.Get<RunInstances>().RunAsync(Operator, new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        _server = (await Harness.Get<InstanceQueries>().QueryAsync(Operator, new InstanceQuery())).Ok().Items.Single().Id;
        _eth1 = (await Harness.RequestNicsAsync(web, 1, "172.16.1.10"))[0];
        await Harness.AttachAsync(_server, _eth1);
        await StoreAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<InstanceDetailPage> Show()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<InstanceDetailPage>(ps => ps.Add(p => p.InstanceId, _server));
        page.WaitForAssertion(() => page.Find("#instance-name").TextContent.ShouldBe("hosta"));
        return page;
    }

    private static void Run<T>(IRenderedComponent<T> page, string target) where T : IComponent
    {
        page.Find(".connectivity-target input").Input(target);
        page.WaitForAssertion(() => page.Find("#connectivity-run").HasAttribute("disabled").ShouldBeFalse());
        page.Find("#connectivity-run").Click();
    }

    [Fact]
    public async Task ARunShowsThePingsOutputAndItsVerdict()
    {
        await SceneAsync();
        var page = Show();

        Run(page, "172.16.1.1");

        page.WaitForAssertion(() => page.Find("#connectivity-verdict").TextContent.Trim().ShouldBe("可达 · 丢包 0% · 平均延迟 0.05 ms"));
        page.Find("#connectivity-verdict").GetAttribute("data-reachable").ShouldBe("true");
        page.Find("#connectivity-output").TextContent.ShouldContain("3 packets transmitted, 3 received, 0% packet loss");
        _probe.Pings.ShouldBe([(_server, "172.16.1.1")]);
    }

    [Fact]
    public async Task AnUnreachableTargetShowsItsLoss()
    {
        await SceneAsync();
        _probe.Ping = t => FakeGuestProbe.Reply(t, 0);
        var page = Show();

        Run(page, "172.16.1.77");

        page.WaitForAssertion(() => page.Find("#connectivity-verdict").TextContent.Trim().ShouldBe("不可达 · 丢包 100%"));
        page.Find("#connectivity-verdict").GetAttribute("data-reachable").ShouldBe("false");
    }

    [Fact]
    public async Task AnAddressOutsideTheServersNetworksIsRefusedWithTheDomainsReason()
    {
        await SceneAsync();
        var page = Show();

        Run(page, "8.8.8.8");

        page.WaitForAssertion(() => page.Find("#connectivity-error").TextContent.ShouldContain("[8.8.8.8] 不在云服务器的网络（10.120.7.0/24, 172.16.1.0/24, 172.16.0.0/16）内"));
        page.FindAll("#connectivity-verdict").ShouldBeEmpty();
        _probe.Pings.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheNetworksToTypeAnAddressInAreNamed()
    {
        await SceneAsync();
        var page = Show();

        page.WaitForAssertion(() => page.Find("#connectivity").TextContent.ShouldContain("或输入云服务器网络内的地址：10.120.7.0/24, 172.16.1.0/24, 172.16.0.0/16"));
    }

    [Fact]
    public async Task AViewerSeesItDisabledWithTheReason()
    {
        await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Viewer);
        var reason = Services.GetRequiredService<ErrorText>()[DomainErrors.ReadOnlyRole(CurrentOperator.DefaultUser)];

        var page = Show();

        page.WaitForElement("#connectivity-run").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#connectivity-run").GetAttribute("title").ShouldBe(reason);
        page.Find("#connectivity-reason").TextContent.Trim().ShouldBe(reason);
        page.Find(".connectivity-target input").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task TheGuestViewComesFromTheKernelWithTheDriftMarked()
    {
        await SceneAsync();
        var eth0 = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { InstanceIds = [_server] })).Ok().Items.Single(n => n.Id != _eth1).Id;
        _probe.Kernels[_server] = new GuestKernelState(
            [new GuestLink("eth0", eth0, true, ["10.120.7.40/24"]), new GuestLink("eth1", _eth1, false, ["172.16.1.10/24"])],
            [new GuestRoute("default", "10.120.7.1", "eth0"), new GuestRoute("10.120.7.0/24", null, "eth0"), new GuestRoute("172.16.1.0/24", null, "eth1")]);

        var page = Show();

        page.WaitForAssertion(() => page.Find("#guest-source").GetAttribute("data-source").ShouldBe("kernel"));
        page.Find("#guest-source").TextContent.ShouldContain("读自云服务器的内核");
        page.Find(".guest-drift").TextContent.ShouldBe("eth1：云服务器在运行，但链路未启用（DOWN）");
        page.Find("#guest-ifconfig").TextContent.ShouldContain("          BROADCAST MULTICAST  MTU:1500  Metric:1");
    }

    [Fact]
    public async Task TheServerIsFlaggedLiveWhenTheReconcilerFindsItDrifted()
    {
        await SceneAsync();
        var page = Show();
        page.FindAll("#instance-drift").ShouldBeEmpty();

        Services.GetRequiredService<DataPlaneMonitor>().Record(new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc),
            new ReconcileReport(["ip link set eth1 up"], [], new HashSet<string> { _server }));

        page.WaitForAssertion(() => page.Find("#instance-drift").TextContent.Trim().ShouldBe("内核状态与数据库不一致（对账器上次检查：2026-12-05 08:00:00 UTC）"));
    }

    [Fact]
    public async Task FromANicItPingsFromTheServerTheNicIsAttachedTo()
    {
        await SceneAsync();
        var panel = Render<ConnectivityCheckPanel>(ps => ps.Add(p => p.InstanceId, _server).Add(p => p.NicId, _eth1));

        Run(panel, "172.16.1.1");

        panel.WaitForAssertion(() => panel.Find("#connectivity-verdict").GetAttribute("data-reachable").ShouldBe("true"));
        _probe.Pings.ShouldBe([(_server, "172.16.1.1")]);
    }

    [Fact]
    public async Task TheNicDrawerOffersTheCheckFromTheNicsServer()
    {
        await SceneAsync();
        RenderWithProviders<NicConsole.Web.Features.Nics.NicsPage>(out var page);
        page.WaitForAssertion(() => page.Row("#nics-grid", _eth1), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Row("#nics-grid", _eth1).QuerySelectorAll("td")[2].ClickAsync(new MouseEventArgs()));
        page.WaitForAssertion(() => page.Find("#nic-detail-id").TextContent.ShouldBe(_eth1), TimeSpan.FromSeconds(10));
        page.Find("#nic-detail #connectivity").TextContent.ShouldContain($"在 {_server} 的网络命名空间中执行 ping -c 3");
        Run(page, "172.16.1.1");

        page.WaitForAssertion(() => page.Find("#nic-detail #connectivity-verdict").GetAttribute("data-reachable").ShouldBe("true"));
        _probe.Pings.ShouldBe([(_server, "172.16.1.1")]);
    }
}
