namespace NicConsole.Tests.Domain.Nics;

public class RequestNicsTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GivesTheLowestFreeAddressesFrom2()
    {
        var nics = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "web", 3))).Ok();

        nics.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.2", "172.16.1.3", "172.16.1.4"]);
        var nic = await _h.NicAsync(nics[0].NicId);
        nic.Status.ShouldBe(NicStatus.Available);
        nic.Role.ShouldBe(NicRole.Secondary);
        nic.InstanceId.ShouldBeNull();
        nic.Name.ShouldBe("web");
    }

    [Fact]
    public async Task The252ndNicSucceedsAndThe253rdIsRefused()
    {
        await _h.RequestNicsAsync(_vxnet, 251);

        var last = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1))).Ok();
        var snapshot = await _h.SnapshotAsync();
        var refused = await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1));

        last.Single().PrivateIp.ToString().ShouldBe("172.16.1.253");
        refused.Refused(RetCode.QuotaExceeded);
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task ARequestThatWouldPass252IsRefusedWhole()
    {
        await _h.RequestNicsAsync(_vxnet, 250);
        var snapshot = await _h.SnapshotAsync();

        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 3))).Refused(RetCode.QuotaExceeded);

        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(253)]
    [InlineData(-1)]
    public async Task CountMustBeBetween1And252(int count) =>
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", count))).Refused(RetCode.InvalidParameter);

    [Theory]
    [InlineData("172.16.1.0", RetCode.InvalidParameter)]
    [InlineData("172.16.1.1", RetCode.InvalidParameter)]
    [InlineData("172.16.1.254", RetCode.InvalidParameter)]
    [InlineData("172.16.1.255", RetCode.InvalidParameter)]
    [InlineData("172.16.2.10", RetCode.InvalidParameter)]
    [InlineData("10.120.7.10", RetCode.InvalidParameter)]
    [InlineData("172.16.1", RetCode.InvalidParameter)]
    [InlineData("not-an-ip", RetCode.InvalidParameter)]
    public async Task RefusesAddressesThatCannotBeAssigned(string ip, RetCode code)
    {
        var snapshot = await _h.SnapshotAsync();

        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1, [ip]))).Refused(code);

        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Theory]
    [InlineData("172.16.1.2")]
    [InlineData("172.16.1.253")]
    public async Task TakesTheFirstAndLastAssignableAddresses(string ip) =>
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1, [ip]))).Ok().Single().PrivateIp.ToString().ShouldBe(ip);

    [Fact]
    public async Task RefusesATakenAddress()
    {
        await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.100");

        var error = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1, ["172.16.1.100"]))).Refused(RetCode.ResourceAlreadyExists);

        error.EnglishMessage.ShouldContain("172.16.1.100");
    }

    [Fact]
    public async Task GivenAddressesMustBeDistinctAndMatchTheCount()
    {
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1, ["172.16.1.9", "172.16.1.9"]))).Refused(RetCode.InvalidParameter);
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 3, ["172.16.1.9", "172.16.1.10"]))).Refused(RetCode.InvalidParameter);

        var two = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 1, ["172.16.1.9", "172.16.1.10"]))).Ok();

        two.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.9", "172.16.1.10"]);
    }

    [Fact]
    public async Task AutomaticAddressesSkipTakenOnes()
    {
        await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.3");

        var nics = (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(_vxnet, "", 2))).Ok();

        nics.Select(n => n.PrivateIp.ToString()).ShouldBe(["172.16.1.2", "172.16.1.4"]);
    }

    [Fact]
    public async Task NeedsAVxNetInAVpc()
    {
        var loose = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok()[0];

        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(loose))).Refused(RetCode.PermissionDenied);
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(ResourceIds.BasicVxNet))).Refused(RetCode.PermissionDenied);
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request("vxnet-nothere"))).Refused(RetCode.ResourceNotFound);
    }

    [Fact]
    public async Task AZoneThatDoesNotExistIsRefused() =>
        (await _h.Get<RequestNics>().RunAsync(_h.Context with { Zone = "mars1" }, new RequestNics.Request(_vxnet))).Refused(RetCode.InvalidParameter);

    [Fact]
    public async Task AVxNetInAnotherZoneIsRefused() =>
        (await _h.Get<RequestNics>().RunAsync(_h.Context with { Zone = "sh1a" }, new RequestNics.Request(_vxnet))).Refused(RetCode.PermissionDenied);

    [Fact]
    public async Task WritesTheOperationLogWithTheUser()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet, 1))[0];

        var log = (await _h.Get<OperationQueries>().QueryAsync(_h.Context, new() { ResourceId = nic })).Ok();

        var entry = log.Items.ShouldHaveSingleItem();
        entry.Action.ShouldBe("CreateNics");
        entry.User.ShouldBe("tester");
        entry.Detail.ShouldContain("172.16.1.2");
    }
}
