using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Domain.Hosts;

/// <summary>A server on another host than the console's: its guest is what that host's agent last reported, and no ping runs from here.</summary>
public class GuestsOnOtherHostsTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _server = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        await _h.DrainAsync("h1");
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request("h2", DomainHarness.Zone, "192.0.2.12"))).Ok();
        await _h.SetHostOnlineAsync("h2", true);
        _server = await _h.RunServerAsync("remote");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<GuestReading> ReadAsync() => (await _h.Get<GuestQueries>().ReadAsync(_h.Context, _server)).Ok();

    [Fact]
    public async Task UntilItsAgentReportsTheGuestIsRenderedFromTheDatabaseWithTheVxlanMtu()
    {
        var reading = await ReadAsync();

        reading.Host.ShouldBe("h2");
        reading.NotReported.ShouldBeTrue();
        reading.View.Source.ShouldBe(GuestSource.Database);
        reading.ProbeReason.ShouldBe("host h2's agent has not reported this server's guest yet");
        reading.View.Ifconfig().ShouldContain($"MTU:{DataPlaneSpec.VxlanMtu}");
        reading.View.Interfaces.Select(i => i.Name).ShouldBe(["eth0"]);
    }

    [Fact]
    public async Task OnceItsAgentReportedTheGuestIsWhatTheAgentReadWithItsDrift()
    {
        var eth0 = (await ReadAsync()).View.Interfaces.Single();
        var address = $"{eth0.Address}/{eth0.Subnet.PrefixLength}";
        var kernel = new GuestKernelState(
            [new GuestLink("lo", "00:00:00:00:00:00", true, ["127.0.0.1/8"], 65536), new GuestLink("eth0", eth0.HardwareAddress, true, [address], 1450),
             new GuestLink("eth5", "52:54:00:aa:bb:cc", true, [], 1450)],
            [new GuestRoute("default", eth0.Gateway?.ToString(), "eth0")]);
        _h.Get<HostReports>().Heard("h2", new AgentReport("\"e\"", [], [], [], new Dictionary<string, GuestKernelState> { [_server] = kernel }));

        var reading = await ReadAsync();

        reading.View.Source.ShouldBe(GuestSource.Agent);
        reading.ReportedAt.ShouldNotBeNull();
        reading.View.Only("eth0").Ifconfig().ShouldContain("MTU:1450");
        reading.View.Only("eth0").Ifconfig().ShouldContain($"inet addr:{eth0.Address}");
        reading.View.Drift.Select(d => (d.Kind, d.Interface)).ShouldBe([(GuestDriftKind.UnexpectedInterface, "eth5")]);
    }

    [Fact]
    public async Task AnOperatorIsNotToldWhichHost()
    {
        var operatorContext = new OperationContext("op", DomainHarness.Zone, Role.Operator, OperationContext.DefaultTenant);

        var reading = (await _h.Get<GuestQueries>().ReadAsync(operatorContext, _server)).Ok();

        (reading.Host, reading.NotReported).ShouldBe((null, true));
        reading.ProbeReason.ShouldBe("its host's agent has not reported this server's guest yet");
        var targets = (await _h.Get<GuestQueries>().TargetsAsync(operatorContext, _server)).Ok();
        targets.HostRefusal!.EnglishMessage.ShouldBe($"server [{_server}] runs on another host: a connectivity check runs on the console's own host only");
        var refused = await _h.Get<CheckConnectivity>().RunAsync(operatorContext, new CheckConnectivity.Request(_server, targets.Gateways[0].Address));
        refused.Error!.Key.ShouldBe(nameof(DomainErrors.GuestOnAnotherHost));
    }

    [Fact]
    public async Task NoConnectivityCheckRunsFromAServerOnAnotherHost()
    {
        var targets = (await _h.Get<GuestQueries>().TargetsAsync(_h.Context, _server)).Ok();
        targets.HostRefusal!.Key.ShouldBe(nameof(DomainErrors.GuestOnOtherHost));

        var refused = await _h.Get<CheckConnectivity>().RunAsync(_h.Context, new CheckConnectivity.Request(_server, targets.Gateways[0].Address));

        refused.Error!.Key.ShouldBe(nameof(DomainErrors.GuestOnOtherHost));
        refused.Error.EnglishMessage.ShouldBe($"server [{_server}] runs on host h2: a connectivity check runs on the console's own host only");
    }

    [Fact]
    public async Task AServerOnTheConsolesOwnHostIsReadHereAsBefore()
    {
        await _h.DrainAsync("h1", drained: false);
        await _h.DrainAsync("h2");
        var local = await _h.RunServerAsync("local");

        var reading = (await _h.Get<GuestQueries>().ReadAsync(_h.Context, local)).Ok();

        reading.Host.ShouldBeNull("read here");
        reading.View.Source.ShouldBe(GuestSource.Database, "the harness's data plane is simulated, and h1 has no agent of its own");
        reading.View.Ifconfig().ShouldContain("MTU:1500");
        (await _h.Get<GuestQueries>().TargetsAsync(_h.Context, local)).Ok().HostRefusal.ShouldBeNull();

        // The console's own host run by an agent as well (scripts/many-hosts.sh): what this console cannot read, the agent reported.
        var eth0 = reading.View.Interfaces.Single();
        var kernel = new GuestKernelState([new GuestLink("eth0", eth0.HardwareAddress, true, [$"{eth0.Address}/{eth0.Subnet.PrefixLength}"], 1450)], []);
        _h.Get<HostReports>().Heard("h1", new AgentReport("\"e\"", [], [], [], new Dictionary<string, GuestKernelState> { [local] = kernel }));
        var reported = (await _h.Get<GuestQueries>().ReadAsync(_h.Context, local)).Ok();
        (reported.View.Source, reported.Host).ShouldBe((GuestSource.Agent, "h1"));
        reported.View.Ifconfig().ShouldContain("MTU:1450");
    }
}
