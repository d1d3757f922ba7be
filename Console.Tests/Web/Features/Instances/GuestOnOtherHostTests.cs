using Bunit;
using Microsoft.AspNetCore.Components;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;
using NicConsole.Web.Features.Instances;

namespace NicConsole.Tests.Web.Features.Instances;

/// <summary>The server page of a server on another host: its guest as that host's agent reported it, to an Admin with the host.</summary>
public class GuestOnOtherHostTests : ConsoleTestContext
{
    private async Task<(string Server, IRenderedComponent<InstanceDetailPage> Page)> ShowAsync(Action<string>? before = null)
    {
        await Harness.DrainAsync("h1");
        (await Harness.Get<RegisterHost>().RunAsync(Operator, new RegisterHost.Request("h2", DomainHarness.Zone, "192.0.2.12"))).Ok();
        await Harness.SetHostOnlineAsync("h2", true);
        var server = await Harness.RunServerAsync("far");
        before?.Invoke(server);
        await StoreAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<InstanceDetailPage>(ps => ps.Add(p => p.InstanceId, server));
        page.WaitForAssertion(() => page.Find("#instance-name").TextContent.ShouldBe("far"), TimeSpan.FromSeconds(10));
        return (server, page);
    }

    [Fact]
    public async Task TheGuestIsWhatTheHostsAgentReportedWithTheHostAndItsMtu()
    {
        var (_, page) = await ShowAsync(server =>
        {
            var kernel = new GuestKernelState([new GuestLink("eth0", "52:54:00:12:34:56", true, ["10.120.0.9/24"], 1450)], []);
            Harness.Get<HostReports>().Heard("h2", new AgentReport("\"e\"", [], [], [], new Dictionary<string, GuestKernelState> { [server] = kernel }));
        });

        page.WaitForAssertion(() => page.Find("#guest-source").GetAttribute("data-source").ShouldBe("agent"), TimeSpan.FromSeconds(10));
        page.Find("#guest-from-agent").TextContent.ShouldContain("由宿主机 h2 的代理读自云服务器的内核");
        page.Find("#guest-ifconfig").TextContent.ShouldContain("MTU:1450");
    }

    [Fact]
    public async Task BeforeItsAgentReportsThePageSaysSo()
    {
        var (_, page) = await ShowAsync();

        page.WaitForAssertion(() => page.Find("#guest-source").TextContent.ShouldContain("宿主机 h2 的代理尚未报告此云服务器的内核状态"), TimeSpan.FromSeconds(10));
        page.Find("#guest-source").GetAttribute("data-source").ShouldBe("database");
        page.Find("#guest-ifconfig").TextContent.ShouldContain("MTU:1450");
    }
}
