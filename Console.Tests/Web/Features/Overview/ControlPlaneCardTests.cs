using Bunit;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Overview;
using NicConsole.Web.Telemetry;

namespace NicConsole.Tests.Web.Features.Overview;

/// <summary>The dashboard's control-plane card reads this node's last hour from the same instruments Prometheus scrapes.</summary>
public class ControlPlaneCardTests : ConsoleTestContext
{
    private readonly FakeTimeProvider _time;

    public ControlPlaneCardTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 10, TimeSpan.Zero)))
    {
    }

    private ControlPlaneCardTests(FakeTimeProvider time)
        : base(time) => _time = time;

    [Fact]
    public void With_nothing_measured_it_says_so_rather_than_showing_zeros_as_figures()
    {
        var card = Render<ControlPlaneCard>();
        card.Find("#control-plane-jobs").TextContent.ShouldBe("0（一小时 0 个）");
        card.Find("#control-plane-p95").TextContent.ShouldBe("—");
        card.Find("#control-plane-errors").TextContent.ShouldBe("无调用");
    }

    [Fact]
    public async Task Jobs_run_and_api_calls_answered_show_up_live_and_leave_the_card_after_an_hour()
    {
        var card = Render<ControlPlaneCard>();
        for (var i = 0; i < 5; i++)
        {
            (await Harness.Get<CreateVpcs>().RunAsync(Harness.Context, $"vpc{i}", $"172.{16 + i}.0.0/16")).Ok();
        }
        await Harness.Jobs.RunAllPendingAsync();
        var api = Services.GetRequiredService<WebMetrics>();
        api.ApiCall("DescribeNics", 0, TimeSpan.FromMilliseconds(3));
        api.ApiCall("DescribeNics", 0, TimeSpan.FromMilliseconds(3));
        api.ApiCall("DescribeNics", 0, TimeSpan.FromMilliseconds(3));
        api.ApiCall("AttachNics", 2100, TimeSpan.FromMilliseconds(3));

        _time.Advance(ControlPlaneCard.RefreshEvery);
        card.WaitForAssertion(() => card.Find("#control-plane-jobs").TextContent.ShouldBe("1（一小时 5 个）"));
        card.Find("#control-plane-p95").TextContent.ShouldMatch(@"^\d+ ms$|^\d+\.\d s$");
        card.Find("#control-plane-errors").TextContent.ShouldBe("25%（4 次调用）");

        _time.Advance(TimeSpan.FromMinutes(10));
        card.WaitForAssertion(() => card.Find("#control-plane-jobs").TextContent.ShouldBe("0（一小时 5 个）"));

        _time.Advance(TimeSpan.FromMinutes(51));
        card.WaitForAssertion(() => card.Find("#control-plane-errors").TextContent.ShouldBe("无调用"));
        card.Find("#control-plane-jobs").TextContent.ShouldBe("0（一小时 0 个）");
        card.Find("#control-plane-p95").TextContent.ShouldBe("—");
    }

    [Fact]
    public void In_english_it_reads_as_english()
    {
        UseCulture("en-US");
        var card = Render<ControlPlaneCard>();
        Services.GetRequiredService<WebMetrics>().ApiCall("DescribeNics", 0, TimeSpan.FromMilliseconds(1));
        _time.Advance(ControlPlaneCard.RefreshEvery);
        card.WaitForAssertion(() => card.Find("#control-plane-errors").TextContent.ShouldBe("0% of 1 calls"));
        card.Find("#control-plane").TextContent.ShouldContain("Control plane");
    }
}
