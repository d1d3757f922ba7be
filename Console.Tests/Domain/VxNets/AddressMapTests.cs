namespace NicConsole.Tests.Domain.VxNets;

public class AddressMapTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        var vpc = await _h.CreateVpcAsync();
        _vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "net")).Ok()[0];
        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(_vxnet, vpc, "172.16.1.0/24", ManagerIp: "172.16.1.10"))).Ok();
        await _h.Jobs.RunAllPendingAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<AddressMap> MapAsync(string? vxnet = null) => (await _h.Get<VxNetQueries>().AddressMapAsync(_h.Context, vxnet ?? _vxnet)).Ok();

    private static AddressCell Cell(AddressMap map, int host) => map.Cells.Single(c => c.Address.ToString() == $"172.16.1.{host}");

    [Fact]
    public async Task TypesEachOfThe256AddressesUnderACustomGateway()
    {
        var map = await MapAsync();

        map.Cells.Count.ShouldBe(256);
        map.Cells.Select(c => c.Address).ShouldBeInOrder();
        Cell(map, 0).Kind.ShouldBe(AddressKind.Network);
        Cell(map, 10).Kind.ShouldBe(AddressKind.Gateway);
        Cell(map, 1).Kind.ShouldBe(AddressKind.Free);
        Cell(map, 254).Kind.ShouldBe(AddressKind.Platform);
        Cell(map, 255).Kind.ShouldBe(AddressKind.Broadcast);
        map.Cells.Count(c => c.Kind == AddressKind.Free).ShouldBe(Limits.NicsPerVxNet);
        map.Plan!.Gateway.ToString().ShouldBe("172.16.1.10");
        map.RequestRefusal.ShouldBeNull();
    }

    [Fact]
    public async Task AUsedCellCarriesItsNicAndTheServerItIsAttachedTo()
    {
        var server = await _h.RunServerAsync("db01");
        var nics = await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.77", "172.16.1.78");
        await _h.AttachAsync(server, nics[0]);

        var map = await MapAsync();

        map.UsedCount.ShouldBe(2);
        var attached = Cell(map, 77);
        attached.Kind.ShouldBe(AddressKind.Used);
        attached.Holder.ShouldBe(new AddressHolder(nics[0], "nic", NicStatus.InUse, Transition.None, server, "db01", 1));
        var loose = Cell(map, 78);
        (loose.Holder!.NicId, loose.Holder.InstanceId, loose.Holder.InstanceName).ShouldBe((nics[1], null, null));
        Cell(map, 79).Kind.ShouldBe(AddressKind.Free);
    }

    [Fact]
    public async Task AVxNetOutsideAVpcHasNoMapAndSaysWhy()
    {
        var loose = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok()[0];

        var map = await MapAsync(loose);

        map.Plan.ShouldBeNull();
        map.Cells.ShouldBeEmpty();
        map.RequestRefusal!.Code.ShouldBe(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task TheBasicNetworkHasAMapButTakesNoRequests()
    {
        await _h.RunServerAsync();

        var map = await MapAsync(ResourceIds.BasicVxNet);

        map.Cells.Count.ShouldBe(256);
        map.UsedCount.ShouldBe(1);
        map.RequestRefusal.ShouldNotBeNull();
    }

    [Fact]
    public async Task AnUnknownVxNetIsNotFound() =>
        (await _h.Get<VxNetQueries>().AddressMapAsync(_h.Context, "vxnet-nothere")).Refused(RetCode.ResourceNotFound);
}
