namespace NicConsole.Tests.Domain.Instances;

/// <summary>
/// 连通性检查: from a server (or a NIC's server), to a host of the server's own networks only; a Viewer is refused as
/// for a change, and so is everyone while the data plane cannot be probed.
/// </summary>
public class CheckConnectivityTests : IAsyncLifetime
{
    private readonly FakeGuestProbe _probe = new();
    private DomainHarness _h = null!;
    private string _hosta = "";
    private string _hostaEth1 = "";
    private string _hostbEth1 = "";
    private string _freeNic = "";

    /// <summary>
    /// A VPC 172.16.0.0/16 with web 172.16.1.0/24 and db 172.16.2.0/24, another VPC 192.168.0.0/16 with 192.168.1.0/24;
    /// hosta: eth0 10.120.7.40 (basic), eth1 172.16.1.10 (web); hostb: eth0 basic, eth1 172.16.2.20 (db).
    /// </summary>
    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(configure: s => s.AddSingleton<NicConsole.Domain.DataPlane.IGuestProbe>(_probe));
        var vpc = await _h.CreateVpcAsync();
        var web = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var db = await _h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var other = await _h.CreateJoinedVxNetAsync("192.168.1.0/24", await _h.CreateVpcAsync("192.168.0.0/16"));
        (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet, "10.120.7.40")]))).Ok();
        await _h.Jobs.RunAllPendingAsync();
        _hosta = (await _h.Get<InstanceQueries>().QueryAsync(_h.Context, new InstanceQuery())).Ok().Items.Single().Id;
        var hostb = await _h.RunServerAsync("hostb");
        _hostaEth1 = (await _h.RequestNicsAsync(web, 1, "172.16.1.10"))[0];
        _hostbEth1 = (await _h.RequestNicsAsync(db, 1, "172.16.2.20"))[0];
        await _h.AttachAsync(_hosta, _hostaEth1);
        await _h.AttachAsync(hostb, _hostbEth1);
        _freeNic = (await _h.RequestNicsAsync(other, 1, "192.168.1.30"))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<Result<NicConsole.Domain.DataPlane.PingResult>> CheckAsync(string target, OperationContext? context = null, string? nic = null) =>
        _h.Get<CheckConnectivity>().RunAsync(context ?? _h.Context, new CheckConnectivity.Request(nic is null ? _hosta : null, target, nic));

    [Theory]
    [InlineData("172.16.1.1")]
    [InlineData("172.16.2.20")]
    [InlineData("172.16.200.5")]
    [InlineData("10.120.7.99")]
    public async Task PingsAHostOfTheServersNetworksFromTheServersNamespace(string target)
    {
        var result = (await CheckAsync(target)).Ok();

        result.Target.ShouldBe(target);
        result.Reachable.ShouldBeTrue();
        _probe.Pings.ShouldBe([(_hosta, target)]);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("192.168.1.30")]
    [InlineData("172.17.0.5")]
    public async Task RefusesAnAddressOutsideTheServersNetworks(string target)
    {
        var refused = (await CheckAsync(target)).Refused(RetCode.InvalidParameter);

        refused.Key.ShouldBe(nameof(DomainErrors.ConnectivityTargetOutside));
        refused.Args[1].ShouldBe("10.120.7.0/24, 172.16.1.0/24, 172.16.0.0/16");
        refused.Message(System.Globalization.CultureInfo.GetCultureInfo("en")).ShouldContain($"[{target}] is outside the server's networks");
        _probe.Pings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.1.0")]
    [InlineData("172.16.1.255")]
    [InlineData("172.16.0.0")]
    public async Task RefusesLoopbackThisHostMulticastAndNetworkOrBroadcastAddresses(string target)
    {
        (await CheckAsync(target)).Refused(RetCode.InvalidParameter).Key.ShouldBe(nameof(DomainErrors.ConnectivityTargetNotAllowed));
        _probe.Pings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", nameof(DomainErrors.Required))]
    [InlineData("172.16.1", nameof(DomainErrors.InvalidIp))]
    [InlineData("gateway", nameof(DomainErrors.InvalidIp))]
    [InlineData("172.16.1.1/24", nameof(DomainErrors.InvalidIp))]
    public async Task RefusesWhatIsNotAnAddress(string target, string key)
    {
        (await CheckAsync(target)).Refused(RetCode.InvalidParameter).Key.ShouldBe(key);
        _probe.Pings.ShouldBeEmpty();
    }

    [Fact]
    public async Task AViewerIsRefusedAsForAChangeAndNothingIsPinged()
    {
        var viewer = TenantScene.As(OperationContext.DefaultTenant, Role.Viewer);

        var refused = (await CheckAsync("172.16.1.1", viewer)).Refused(RetCode.PermissionDenied);

        refused.ShouldBe(DomainErrors.ReadOnlyRole(viewer.User), DomainErrorComparer);
        _probe.Pings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.Admin)]
    public async Task AnOperatorAndAnAdminRunIt(Role role) =>
        (await CheckAsync("172.16.1.1", TenantScene.As(OperationContext.DefaultTenant, role))).Ok().Reachable.ShouldBeTrue();

    [Fact]
    public async Task IsRefusedWithTheProbesReasonWhenTheDataPlaneCannotBeProbed()
    {
        _probe.Available = false;
        _probe.Reason = "the data plane is simulated";

        var refused = (await CheckAsync("172.16.1.1")).Refused(RetCode.PermissionDenied);

        refused.Key.ShouldBe(nameof(DomainErrors.GuestProbeUnavailable));
        refused.Message(System.Globalization.CultureInfo.GetCultureInfo("en")).ShouldContain("the data plane is simulated");
        _probe.Pings.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnreachableTargetIsAnAnswerNotARefusal()
    {
        _probe.Ping = t => FakeGuestProbe.Reply(t, 0);

        var result = (await CheckAsync("172.16.1.77")).Ok();

        result.Reachable.ShouldBeFalse();
        result.LossPercent.ShouldBe(100);
    }

    [Fact]
    public async Task FromANicItPingsFromTheServerTheNicIsAttachedTo()
    {
        (await CheckAsync("172.16.2.1", nic: _hostaEth1)).Ok();

        _probe.Pings.ShouldBe([(_hosta, "172.16.2.1")]);
    }

    [Fact]
    public async Task ANicThatIsNotAttachedHasNoServerToPingFrom()
    {
        (await CheckAsync("192.168.1.1", nic: _freeNic)).Refused(RetCode.PermissionDenied).Key.ShouldBe(nameof(DomainErrors.NicNotInUse));
        (await CheckAsync("172.16.1.1", nic: "52:54:00:ab:cd:ef")).Refused(RetCode.ResourceNotFound).Key.ShouldBe(nameof(DomainErrors.NicNotFound));
    }

    [Fact]
    public async Task AnUnknownServerIsNotFound() =>
        (await _h.Get<CheckConnectivity>().RunAsync(_h.Context, new CheckConnectivity.Request("i-nothere0", "172.16.1.1")))
            .Refused(RetCode.ResourceNotFound).Key.ShouldBe(nameof(DomainErrors.InstanceNotFound));

    [Fact]
    public async Task AStoppedServerCannotPing()
    {
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [_hosta])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await CheckAsync("172.16.1.1")).Refused(RetCode.PermissionDenied).Key.ShouldBe(nameof(DomainErrors.ServerNotRunning));
    }

    [Fact]
    public async Task TheTargetsAreTheGatewaysOfTheServersVxNetsAndTheOtherNicsOfItsVpcs()
    {
        var targets = (await _h.Get<GuestQueries>().TargetsAsync(_h.Context, _hosta)).Ok();

        targets.Gateways.Select(g => g.Address).Order().ShouldBe(["10.120.7.1", "172.16.1.1"]);
        targets.Nics.Select(n => (n.Address, n.ResourceId)).ShouldBe([("172.16.2.20", _hostbEth1)]);
        targets.Networks.Select(n => n.ToString()).ShouldBe(["10.120.7.0/24", "172.16.1.0/24", "172.16.0.0/16"]);
    }

    [Fact]
    public async Task TheGuestViewComesFromTheKernelWithItsDrift()
    {
        _probe.Kernels[_hosta] = new([new("eth0", "52:54:00:00:00:aa", true, ["10.120.7.40/24"])], [new("default", "10.120.7.1", "eth0")]);

        var reading = (await _h.Get<GuestQueries>().ReadAsync(_h.Context, _hosta)).Ok();

        reading.View.Source.ShouldBe(GuestSource.Kernel);
        reading.ProbeReason.ShouldBeNull();
        reading.View.Drift.Select(d => (d.Kind, d.Interface)).ShouldBe([(GuestDriftKind.WrongMac, "eth0"), (GuestDriftKind.MissingInterface, "eth1")]);
    }

    [Fact]
    public async Task UnderASimulatedDataPlaneTheGuestViewIsTheDatabasesAndSaysWhy()
    {
        _probe.Available = false;
        _probe.Reason = "the data plane is simulated";

        var reading = (await _h.Get<GuestQueries>().ReadAsync(_h.Context, _hosta)).Ok();

        reading.View.Source.ShouldBe(GuestSource.Database);
        reading.View.Drift.ShouldBeEmpty();
        reading.ProbeReason.ShouldBe("the data plane is simulated");
        reading.View.Interfaces.Select(i => i.Name).ShouldBe(["eth0", "eth1"]);
    }

    private static readonly IEqualityComparer<DomainError> DomainErrorComparer = EqualityComparer<DomainError>.Create((a, b) => a?.ToString() == b?.ToString());
}
