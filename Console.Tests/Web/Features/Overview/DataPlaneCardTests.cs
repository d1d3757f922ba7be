using Bunit;
using NicConsole.Domain.DataPlane;
using NicConsole.Web.Features.Overview;

namespace NicConsole.Tests.Web.Features.Overview;

public class DataPlaneCardTests : ConsoleTestContext
{
    [Fact]
    public void UnderTheSimulatedDriverItSaysPlainlyThatItIsASimulationAndThatNoPassRanYet()
    {
        var card = Render<DataPlaneCard>();

        card.Find("#data-plane").GetAttribute("data-real").ShouldBe("false");
        card.Find("#data-plane-driver").TextContent.ShouldBe(Services.GetRequiredService<DataPlaneMonitor>().Current.Driver);
        card.Find("#data-plane-mode").TextContent.ShouldContain("模拟");
        card.Find("#data-plane-mode").TextContent.ShouldContain("不创建任何真实网络");
        card.Find("#data-plane-pass").TextContent.Trim().ShouldBe("对账器尚未运行");
        card.Find("#data-plane-drift").TextContent.Trim().ShouldBe("没有云服务器的内核状态与数据库不一致");
    }

    [Fact]
    public void ShowsEachReconcilePassLiveWithItsChangesErrorsAndDrift()
    {
        var card = Render<DataPlaneCard>();

        Services.GetRequiredService<DataPlaneMonitor>().Record(new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc),
            new ReconcileReport(["add eth1", "set eth1 up"], ["i-aaaa1111: no namespace"], new HashSet<string> { "i-aaaa1111", "i-bbbb2222" }));

        card.WaitForAssertion(() => card.Find("#data-plane-pass").TextContent.Trim().ShouldBe("上次对账：2026-12-05 08:00:00 UTC · 变更 2 · 错误 1"));
        card.Find(".data-plane-error").TextContent.ShouldBe("i-aaaa1111: no namespace");
        card.Find("#data-plane-drift").TextContent.Trim().ShouldBe("2 台云服务器的内核状态与数据库不一致");
    }
}
