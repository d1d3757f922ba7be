using Bunit;
using Microsoft.AspNetCore.Components;
using NicConsole.Domain.DataPlane;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Localization;

namespace NicConsole.Tests.Web.Features.Instances;

/// <summary>The server page under the simulated data plane (the default): nothing to probe, and the page says so.</summary>
public class ConnectivityCheckSimulatedTests : ConsoleTestContext
{
    private async Task<IRenderedComponent<InstanceDetailPage>> ShowAsync()
    {
        var server = await Harness.RunServerAsync("hosta");
        await StoreAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<InstanceDetailPage>(ps => ps.Add(p => p.InstanceId, server));
        page.WaitForAssertion(() => page.Find("#instance-name").TextContent.ShouldBe("hosta"));
        return page;
    }

    [Fact]
    public async Task TheCheckIsDisabledWithTheProbesReason()
    {
        var probe = Services.GetRequiredService<IGuestProbe>();
        probe.Available.ShouldBeFalse();
        var reason = Services.GetRequiredService<ErrorText>()[DomainErrors.GuestProbeUnavailable(probe.Reason!)];

        var page = await ShowAsync();

        page.Find("#connectivity-run").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#connectivity-run").GetAttribute("title").ShouldBe(reason);
        page.Find("#connectivity-reason").TextContent.Trim().ShouldBe(reason);
        reason.ShouldContain(probe.Reason!);
        reason.ShouldStartWith("此处的数据平面无法查看云服务器内部");
    }

    [Fact]
    public async Task TheGuestViewSaysItIsRenderedFromTheDatabaseOfASimulation()
    {
        var page = await ShowAsync();

        page.WaitForAssertion(() => page.Find("#guest-source").GetAttribute("data-source").ShouldBe("database"));
        page.Find("#guest-source").TextContent.ShouldContain("由数据库渲染；数据平面为模拟");
        page.Find("#guest-probe-reason").TextContent.ShouldBe(Services.GetRequiredService<IGuestProbe>().Reason);
        page.FindAll(".guest-drift").ShouldBeEmpty();
    }
}
