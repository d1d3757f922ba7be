using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Domain.Hosts;

public class HostPlacementTests : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AnInstallStartsWithTheLocalHostAndPlacesServersOnIt()
    {
        var server = await _h.RunServerAsync();

        var hosts = (await _h.Get<HostQueries>().ListAsync(_h.Context)).Ok();
        hosts.Select(h => (h.Name, h.Zone, h.Status, h.Servers, h.Nics, h.HasToken)).ShouldBe([("h1", DomainHarness.Zone, HostStatus.Ready, 1, 1, false)]);
        (await HostOfAsync(server)).ShouldBe("h1");
    }

    [Fact]
    public async Task TheLeastLoadedReadyHostTakesEachServerAndDrainedOrOfflineHostsTakeNone()
    {
        await _h.DrainAsync("h1");
        await RegisterOnlineAsync("h2", "192.0.2.12");
        await RegisterOnlineAsync("h3", "192.0.2.13");
        await RegisterAsync("h4", "192.0.2.14"); // never heard from: offline

        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            placed.Add((await HostOfAsync(await _h.RunServerAsync($"s{i}")))!);
        }
        var two = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("pair", [new NetworkChoice(ResourceIds.BasicVxNet)], Count: 2))).Ok();
        await _h.Jobs.RunAllPendingAsync();

        placed.ShouldBe(["h2", "h3", "h2"]);
        (await Task.WhenAll(two.ResourceIds.Select(HostOfAsync))).ShouldBe(["h3", "h2"]);
        await _h.DrainAsync("h2");
        (await HostOfAsync(await _h.RunServerAsync("after-drain"))).ShouldBe("h3");
    }

    [Fact]
    public async Task AnAdminMayPinAHostAndAPinnedHostMustBeReadyInTheZoneWithRoom()
    {
        await RegisterOnlineAsync("h2", "192.0.2.12", maxServers: 1);
        await RegisterAsync("h3", "192.0.2.13");
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request("far", "sh1a", "192.0.2.20"))).Ok();

        var pinned = (await Launch(_h.Context, "h2")).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await HostOfAsync(pinned.ResourceIds[0])).ShouldBe("h2");
        (await Launch(_h.Context, "h2")).Refused(RetCode.QuotaExceeded).Key.ShouldBe("HostFull");
        (await Launch(_h.Context, "h3")).Refused(RetCode.PermissionDenied).EnglishMessage.ShouldBe("host h3 is offline");
        (await Launch(_h.Context, "far")).Refused(RetCode.PermissionDenied).Key.ShouldBe("HostInOtherZone");
        (await Launch(_h.Context, "nowhere")).Refused(RetCode.ResourceNotFound).Key.ShouldBe("HostNotFound");
        var operatorContext = _h.Context with { User = "op", Role = Role.Operator };
        (await Launch(operatorContext, "h2")).Refused(RetCode.PermissionDenied).Key.ShouldBe("AdminOnly");
        (await Launch(operatorContext, null)).Succeeded.ShouldBeTrue("without a pin an Operator launches as before");
    }

    [Fact]
    public async Task NoReadyHostWithRoomIsAClearRefusalThatChangesNothing()
    {
        await _h.DrainAsync("h1");
        await RegisterOnlineAsync("h2", "192.0.2.12", maxServers: 1);
        await _h.RunServerAsync("fills-h2");
        var before = await CountServersAsync();

        var refused = (await Launch(_h.Context, null)).Refused(RetCode.QuotaExceeded);

        refused.Key.ShouldBe("NoHostAvailable");
        refused.EnglishMessage.ShouldBe("no ready host in zone pek3a has room for the server (host h1 is draining: it takes no new server; host h2 has no room: 1 servers of at most 1)");
        (await CountServersAsync()).ShouldBe(before);
    }

    [Fact]
    public void AZoneWithoutHostsSaysSo() =>
        Placement.Choose([], "sh1a", null, 1, 1).Error!.EnglishMessage.ShouldBe("no ready host in zone sh1a has room for the server (no host is registered in it)");

    [Fact]
    public async Task AHostsNicCapacityLimitsAttachesAndTheServerAndVxNetRulesHoldAcrossHosts()
    {
        await _h.DrainAsync("h1");
        await RegisterOnlineAsync("h2", "192.0.2.12", maxNics: 3);
        await RegisterOnlineAsync("h3", "192.0.2.13");
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var small = await _h.RunServerAsync("on-h2", vxnet);
        (await HostOfAsync(small)).ShouldBe("h2");
        var big = await _h.RunServerAsync("on-h3", vxnet);
        (await HostOfAsync(big)).ShouldBe("h3");

        var nics = await _h.RequestNicsAsync(vxnet, 3);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, nics, small)).Refused(RetCode.QuotaExceeded).EnglishMessage
            .ShouldBe("host h2 has no room: 1 NICs of at most 3");
        await _h.AttachAsync(small, nics[0], nics[1]);

        var more = await _h.RequestNicsAsync(vxnet, 64);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, more, big)).Refused(RetCode.QuotaExceeded).Key.ShouldBe("ServerFull");
        await _h.AttachAsync(big, [.. more.Take(63)]);
        // Two primaries, 3 + 64 requested: the VxNet's 252 are reached across both hosts.
        await _h.RequestNicsAsync(vxnet, 252 - 2 - 3 - 64);
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(vxnet, "one-too-many", 1, []))).Refused(RetCode.QuotaExceeded).Key.ShouldBe("VxNetFull");
    }

    [Fact]
    public async Task OnlyAnEmptyHostIsRemovedAndOnlyAnAdminManagesHosts()
    {
        await RegisterOnlineAsync("h2", "192.0.2.12");
        await _h.DrainAsync("h1");
        var server = await _h.RunServerAsync("on-h2");

        (await _h.Get<RemoveHost>().RunAsync(_h.Context, "h2")).Refused(RetCode.PermissionDenied).EnglishMessage
            .ShouldBe("host h2 still runs 1 servers: move or terminate them first");
        (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [server])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<RemoveHost>().RunAsync(_h.Context, "h2")).Ok();
        (await _h.Get<RemoveHost>().RunAsync(_h.Context, "h2")).Refused(RetCode.ResourceNotFound);

        var viewer = _h.Context with { User = "v", Role = Role.Operator, Tenant = "t2" };
        (await _h.Get<HostQueries>().ListAsync(viewer)).Succeeded.ShouldBeFalse();
        (await _h.Get<DrainHost>().RunAsync(viewer, "h1", false)).Refused(RetCode.PermissionDenied);
        (await _h.Get<RegisterHost>().RunAsync(viewer, new RegisterHost.Request("h9", "pek3a", "192.0.2.99"))).Refused(RetCode.PermissionDenied);
        (await _h.Get<InstanceQueries>().QueryAsync(viewer, new InstanceQuery())).Ok().Items.ShouldAllBe(i => i.Host == null);
    }

    [Fact]
    public async Task NothingIsChangedOnAServerWhoseHostIsOfflineAndItsViewSaysWhy()
    {
        await _h.DrainAsync("h1");
        await RegisterOnlineAsync("h2", "192.0.2.12");
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync("on-h2", vxnet);
        var nics = await _h.RequestNicsAsync(vxnet, 2);
        await _h.AttachAsync(server, nics[0]);
        await _h.SetHostOnlineAsync("h2", false);
        var before = await _h.SnapshotAsync();

        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Refused(RetCode.PermissionDenied).EnglishMessage.ShouldBe("host h2 is offline");
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[1]], server)).Refused(RetCode.PermissionDenied).Key.ShouldBe("HostOffline");
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nics[0]])).Refused(RetCode.PermissionDenied).Key.ShouldBe("HostOffline");
        (await _h.SnapshotAsync()).ShouldBe(before);
        var view = (await _h.Get<InstanceQueries>().QueryAsync(_h.Context with { Role = Role.Operator }, new InstanceQuery { Ids = [server] })).Ok().Items.Single();
        (view.Host, view.Refusal(Transition.Stopping)?.EnglishMessage, view.AttachRefusal(1)?.Key).ShouldBe((null, "host h2 is offline", "HostOffline"));

        await _h.SetHostOnlineAsync("h2", true);
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok();
    }

    [Theory]
    [InlineData("H2", "192.0.2.12", "InvalidHostName")]
    [InlineData("2h", "192.0.2.12", "InvalidHostName")]
    [InlineData("h2", "192.0.2", "InvalidIp")]
    [InlineData("h2", "2001:db8::1", "InvalidIp")]
    [InlineData("h1", "192.0.2.12", "HostExists")]
    [InlineData("h2", "127.0.0.1", "UnderlayInUse")]
    public async Task ABadRegistrationIsRefusedAndAddsNoHost(string name, string underlay, string key)
    {
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request(name, "pek3a", underlay))).Succeeded.ShouldBeFalse();
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request(name, "pek3a", underlay))).Error!.Key.ShouldBe(key);
        (await _h.Get<HostQueries>().ListAsync(_h.Context)).Ok().Select(h => h.Name).ShouldBe(["h1"]);
    }

    [Fact]
    public async Task ATokenIsShownOnceStoredHashedAndARotatedOneStopsTheOldAtOnce()
    {
        var token = await RegisterAsync("h2", "192.0.2.12");
        var host = await HostAsync("h2");
        host.TokenHash.ShouldNotContain(token.Split('.')[1]);
        host.Accepts(token).ShouldBeTrue();
        host.Accepts(token + "x").ShouldBeFalse();

        var rotated = (await _h.Get<RotateHostToken>().RunAsync(_h.Context, "h2")).Ok();

        host = await HostAsync("h2");
        host.Accepts(token).ShouldBeFalse();
        host.Accepts(rotated).ShouldBeTrue();
        (await HostAsync("h1")).Accepts("").ShouldBeFalse();
    }

    private Task<Result<Accepted>> Launch(OperationContext context, string? host) =>
        _h.Get<RunInstances>().RunAsync(context, new RunInstances.Request("pinned", [new NetworkChoice(ResourceIds.BasicVxNet)], Host: host));

    private async Task<string> RegisterAsync(string name, string underlay, int maxServers = 10, int maxNics = 200) =>
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request(name, DomainHarness.Zone, underlay, maxServers, maxNics))).Ok().Token;

    private async Task RegisterOnlineAsync(string name, string underlay, int maxServers = 10, int maxNics = 200)
    {
        await RegisterAsync(name, underlay, maxServers, maxNics);
        await _h.SetHostOnlineAsync(name, true);
    }

    private async Task<Hypervisor> HostAsync(string name)
    {
        await using var db = _h.Db();
        return await db.Hosts.AsNoTracking().SingleAsync(h => h.Name == name);
    }

    private async Task<string?> HostOfAsync(string serverId)
    {
        await using var db = _h.Db();
        return await db.Instances.Where(i => i.Id == serverId).Select(i => i.HostId).SingleAsync();
    }

    private async Task<int> CountServersAsync()
    {
        await using var db = _h.Db();
        return await db.Instances.CountAsync();
    }
}
