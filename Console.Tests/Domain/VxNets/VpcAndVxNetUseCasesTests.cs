namespace NicConsole.Tests.Domain.VxNets;

public class VpcAndVxNetUseCasesTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vpc = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vpc = await _h.CreateVpcAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AVpcIsPendingUntilItsJobRuns()
    {
        var accepted = (await _h.Get<CreateVpcs>().RunAsync(_h.Context, "new", "192.168.0.0/16")).Ok();
        var before = (await _h.Get<VpcQueries>().QueryAsync(_h.Context, new VpcQuery { Ids = accepted.ResourceIds })).Ok().Items.Single();
        await _h.Jobs.RunAllPendingAsync();
        var after = (await _h.Get<VpcQueries>().QueryAsync(_h.Context, new VpcQuery { Ids = accepted.ResourceIds })).Ok().Items.Single();

        before.Status.ShouldBe(VpcStatus.Pending);
        before.Transition.ShouldBe(Transition.Creating);
        after.Status.ShouldBe(VpcStatus.Active);
        after.Network.ToString().ShouldBe("192.168.0.0/16");
    }

    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("172.32.0.0/16")]
    [InlineData("192.168.0.0/24")]
    [InlineData("172.16.0.0/12")]
    [InlineData("garbage")]
    public async Task OnlyTheAllowedVpcRangesAreAccepted(string range) =>
        (await _h.Get<CreateVpcs>().RunAsync(_h.Context, "bad", range)).Refused(RetCode.InvalidParameter);

    [Theory]
    [InlineData("172.16.0.0/16")]
    [InlineData("172.31.0.0/16")]
    [InlineData("192.168.0.0/16")]
    public async Task TheAllowedRangesAreAccepted(string range) =>
        (await _h.Get<CreateVpcs>().RunAsync(_h.Context, "ok", range)).Ok().ResourceIds.ShouldHaveSingleItem();

    [Fact]
    public async Task JoinsWithDefaultGatewayAndDhcpRange()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.9.0/24", _vpc);

        var view = (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single();
        view.VpcId.ShouldBe(_vpc);
        view.Subnet.ToString().ShouldBe("172.16.9.0/24");
        view.Gateway.ToString().ShouldBe("172.16.9.1");
        view.DynIpStart.ToString().ShouldBe("172.16.9.2");
        view.DynIpEnd.ToString().ShouldBe("172.16.9.254");
        view.AvailableIpCount.ShouldBe(252);
    }

    [Fact]
    public async Task RefusesOverlappingSubnetsInOneVpc()
    {
        var first = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        var second = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];
        var snapshot = await _h.SnapshotAsync();

        var error = (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(second, _vpc, "172.16.1.0/24"))).Refused(RetCode.ResourceAlreadyExists);

        error.EnglishMessage.ShouldContain(first);
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task RefusesOverlapWithAJoinStillRunning()
    {
        var first = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "a")).Ok()[0];
        var second = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(first, _vpc, "172.16.4.0/24"))).Ok();

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(second, _vpc, "172.16.4.0/24"))).Refused(RetCode.ResourceAlreadyExists);
    }

    [Fact]
    public async Task TheSameSubnetInAnotherVpcIsFine()
    {
        await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);

        await _h.CreateJoinedVxNetAsync("172.16.1.0/24", await _h.CreateVpcAsync());
    }

    [Theory]
    [InlineData("172.17.1.0/24")]
    [InlineData("172.16.1.0/25")]
    [InlineData("172.16.1.128/24")]
    [InlineData("172.16.0.0/16")]
    [InlineData("")]
    public async Task RefusesSubnetsThatAreNotA24InsideTheVpc(string subnet)
    {
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, subnet))).Refused(RetCode.InvalidParameter);
    }

    [Theory]
    [InlineData("172.16.1.0", null, null)]
    [InlineData("172.16.1.254", null, null)]
    [InlineData("172.16.2.1", null, null)]
    [InlineData(null, "172.16.1.100", "172.16.1.50")]
    [InlineData(null, "172.16.2.2", null)]
    public async Task RefusesBadGatewaysAndDhcpRanges(string? gateway, string? start, string? end)
    {
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, "172.16.1.0/24", gateway, start, end))).Refused(RetCode.InvalidParameter);
    }

    [Fact]
    public async Task AMovedGatewayIsNeverAssigned()
    {
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];
        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, "172.16.1.0/24", "172.16.1.2"))).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var nics = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(vxnet, "", 2))).Ok();

        nics.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.1", "172.16.1.3"]);
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(vxnet, "", 1, ["172.16.1.2"]))).Refused(RetCode.InvalidParameter);
    }

    [Fact]
    public async Task ChecksAJoinWithoutChangingAnything()
    {
        await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];
        var snapshot = await _h.SnapshotAsync();

        var plan = (await _h.Get<VxNetQueries>().CheckJoinAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, "172.16.2.0/24", "172.16.2.9"))).Ok();
        var overlap = await _h.Get<VxNetQueries>().CheckJoinAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, "172.16.1.0/24"));

        plan.Gateway.ToString().ShouldBe("172.16.2.9");
        overlap.Refused(RetCode.ResourceAlreadyExists);
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task AVxNetJoinsOnlyOneVpc()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        var other = await _h.CreateVpcAsync("192.168.0.0/16");

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, other, "192.168.1.0/24"))).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task SelfManagedAndBasicNetworksCannotJoin()
    {
        var selfManaged = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "s", VxNetType.SelfManaged)).Ok()[0];

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(selfManaged, _vpc, "172.16.1.0/24"))).Refused(RetCode.PermissionDenied);
        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(ResourceIds.BasicVxNet, _vpc, "172.16.1.0/24"))).Refused(RetCode.PermissionDenied);
        (await _h.Get<DeleteVxNets>().RunAsync(_h.Context, [ResourceIds.BasicVxNet])).Refused(RetCode.PermissionDenied);
        (await _h.Get<ModifyVxNet>().RunAsync(_h.Context, ResourceIds.BasicVxNet, "mine", null)).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task LeavesAndDeletesOnlyWithoutNics()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        var nic = (await _h.RequestNicsAsync(vxnet))[0];

        (await _h.Get<LeaveVpc>().RunAsync(_h.Context, _vpc, [vxnet])).Refused(RetCode.PermissionDenied);
        (await _h.Get<DeleteVxNets>().RunAsync(_h.Context, [vxnet])).Refused(RetCode.PermissionDenied);
        (await _h.Get<DeleteVpcs>().RunAsync(_h.Context, [_vpc])).Refused(RetCode.PermissionDenied);

        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nic])).Ok();
        (await _h.Get<LeaveVpc>().RunAsync(_h.Context, _vpc, [vxnet])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<DeleteVpcs>().RunAsync(_h.Context, [_vpc])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<DeleteVxNets>().RunAsync(_h.Context, [vxnet])).Ok();

        (await _h.Get<VpcQueries>().QueryAsync(_h.Context, new VpcQuery { Ids = [_vpc] })).Ok().TotalCount.ShouldBe(0);
        (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery { Ids = [vxnet] })).Ok().TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task LeavingAnotherVpcIsRefused()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        var other = await _h.CreateVpcAsync();

        (await _h.Get<LeaveVpc>().RunAsync(_h.Context, other, [vxnet])).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task AFailedJoinLeavesTheVxNetOutsideTheVpc()
    {
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];
        using var failure = _h.DataPlane.FailWhen(w => w.Action == JobAction.JoinRouter ? "bridge failed" : null);

        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, _vpc, "172.16.1.0/24"))).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var view = (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single();
        view.VpcId.ShouldBeNull();
        view.Subnet.ShouldBeNull();
        view.Transition.ShouldBe(Transition.None);
    }

    [Fact]
    public async Task RenamesVpcsAndVxNets()
    {
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "b")).Ok()[0];

        (await _h.Get<ModifyVpc>().RunAsync(_h.Context, _vpc, "核心网", "生产")).Ok();
        (await _h.Get<ModifyVxNet>().RunAsync(_h.Context, vxnet, "web 层", null)).Ok();

        var vpc = (await _h.Get<VpcQueries>().QueryAsync(_h.Context, new VpcQuery { Ids = [_vpc] })).Ok().Items.Single();
        vpc.Name.ShouldBe("核心网");
        vpc.Description.ShouldBe("生产");
        (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single().Name.ShouldBe("web 层");
    }
}
