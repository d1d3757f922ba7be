namespace NicConsole.Tests.Domain;

public class ListQueries : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";
    private string _server = "";
    private IReadOnlyList<string> _nics = [];

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _nics = await _h.RequestNicsAsync(_vxnet, 30);
        await _h.AttachAsync(_server, _nics[0], _nics[1]);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PagesWithTheTotalCountedBeforePaging()
    {
        var page = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { VxNetIds = [_vxnet], Page = new(Offset: 25, Limit: 10) })).Ok();

        page.TotalCount.ShouldBe(30);
        page.Items.Count.ShouldBe(5);
    }

    [Fact]
    public async Task DefaultsTo20AndCapsAt100()
    {
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Page = new(Limit: 0) })).Ok().Items.Count.ShouldBe(20);
        await _h.RequestNicsAsync(_vxnet, 100);

        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Page = new(Limit: 5000) })).Ok().Items.Count.ShouldBe(100);
    }

    [Fact]
    public async Task RefusesNegativePagingAndUnknownSorts()
    {
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Page = new(Offset: -1) })).Refused(RetCode.InvalidParameter);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Page = new(Limit: -5) })).Refused(RetCode.InvalidParameter);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Page = new(SortBy: "password") })).Refused(RetCode.InvalidParameter);
    }

    [Fact]
    public async Task SortsByIpNumerically()
    {
        var page = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery
        {
            VxNetIds = [_vxnet],
            Page = new(Limit: 100, SortBy: "private_ip"),
        })).Ok();

        var ips = page.Items.Select(n => n.PrivateIp).ToList();
        ips.ShouldBe(ips.OrderBy(ip => ip.Value).ToList());
        ips[8].ToString().ShouldBe("172.16.1.10");
    }

    [Fact]
    public async Task FiltersByStatusInstanceAndVxNetType()
    {
        var inUse = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Statuses = [NicStatus.InUse], VxNetIds = [_vxnet] })).Ok();
        var onServer = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { InstanceIds = [_server] })).Ok();
        var basic = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { VxNetTypes = [VxNetType.Basic] })).Ok();

        inUse.Items.Select(n => n.Id).ShouldBe([_nics[0], _nics[1]], ignoreOrder: true);
        onServer.TotalCount.ShouldBe(3);
        onServer.Items.ShouldAllBe(n => n.InstanceName == "hosta");
        basic.Items.ShouldHaveSingleItem().Role.ShouldBe(NicRole.Primary);
    }

    [Fact]
    public async Task SearchesIdsAndNamesCaseInsensitivelyAndTakesWildcardsLiterally()
    {
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nics[5], Name: "Web_Front 100%"))).Ok();

        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { SearchWord = "web_front" })).Ok().Items.ShouldHaveSingleItem().Id.ShouldBe(_nics[5]);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { SearchWord = "100%" })).Ok().TotalCount.ShouldBe(1);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { SearchWord = "%" })).Ok().TotalCount.ShouldBe(1);
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { SearchWord = _nics[7][6..].ToUpperInvariant() })).Ok().Items.ShouldContain(n => n.Id == _nics[7]);
    }

    [Fact]
    public async Task ListsOnlyTheRequestedZone() =>
        (await _h.Get<NicQueries>().QueryAsync(_h.Context with { Zone = "sh1a" }, new NicQuery())).Ok().TotalCount.ShouldBe(0);

    [Fact]
    public async Task ShowsVxNetUseAndOffersOnlyVxNetsThatTakeNics()
    {
        var loose = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok()[0];

        var all = (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery())).Ok();
        var accepting = (await _h.Get<VxNetQueries>().QueryAsync(_h.Context, new VxNetQuery { OnlyAcceptingNics = true })).Ok();

        all.Items.Select(x => x.Id).ShouldBe([loose, _vxnet, ResourceIds.BasicVxNet], ignoreOrder: true);
        all.Items.Single(x => x.Id == _vxnet).NicCount.ShouldBe(30);
        accepting.Items.ShouldHaveSingleItem().Id.ShouldBe(_vxnet);
    }

    [Fact]
    public async Task OffersTheNextFreeAddresses()
    {
        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [_nics[3]])).Ok();

        var check = (await _h.Get<VxNetQueries>().CheckAddressAsync(_h.Context, _vxnet, null, 3)).Ok();

        check.Refusal.ShouldBeNull();
        check.NextFree.Select(ip => ip.ToString()).ShouldBe(["172.16.1.5", "172.16.1.32", "172.16.1.33"]);
    }

    [Fact]
    public async Task TheBasicNetworkTakesOnlyAServersEth0()
    {
        (await _h.Get<VxNetQueries>().CheckAddressAsync(_h.Context, ResourceIds.BasicVxNet, "10.120.7.9")).Refused(RetCode.PermissionDenied)
            .Key.ShouldBe(nameof(DomainErrors.BasicNetworkNoSecondary));

        var primary = (await _h.Get<VxNetQueries>().CheckAddressAsync(_h.Context, ResourceIds.BasicVxNet, "10.120.7.1", primary: true)).Ok();

        primary.Refusal!.Key.ShouldBe("IpReservedGateway");
        primary.NextFree.ShouldNotBeEmpty();
        primary.NextFree.ShouldAllBe(ip => ip.ToString().StartsWith("10.120.7.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("172.16.1.5", null)]
    [InlineData("172.16.1.2", nameof(DomainErrors.IpInUse))]
    [InlineData("172.16.1.254", "IpReservedPlatform")]
    [InlineData("172.16.9.9", nameof(DomainErrors.IpOutsideSubnet))]
    [InlineData("172.16.1.", nameof(DomainErrors.InvalidIp))]
    public async Task ChecksAnAddressBeingTyped(string ip, string? refusal)
    {
        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [_nics[3]])).Ok();

        var check = (await _h.Get<VxNetQueries>().CheckAddressAsync(_h.Context, _vxnet, ip)).Ok();

        check.Refusal?.Key.ShouldBe(refusal);
        if (refusal is null)
        {
            check.Refusal.ShouldBeNull();
        }
    }

    [Fact]
    public async Task ListsJobsAndTheOperationLogNewestFirst()
    {
        var jobs = (await _h.Get<JobQueries>().QueryAsync(_h.Context, new JobQuery { ResourceId = _server })).Ok();
        var log = (await _h.Get<OperationQueries>().QueryAsync(_h.Context, new() { ResourceId = _nics[0] })).Ok();

        jobs.Items.Select(j => j.Action).ShouldBe([JobAction.AttachNics, JobAction.RunInstances]);
        jobs.Items.ShouldAllBe(j => j.Status == JobStatus.Successful);
        log.Items.Select(o => (o.Action, o.Result)).ShouldBe([
            ("AttachNics", NicConsole.Domain.Operations.OperationResult.Succeeded),
            ("AttachNics", NicConsole.Domain.Operations.OperationResult.Accepted),
            ("CreateNics", NicConsole.Domain.Operations.OperationResult.Succeeded)]);
    }
}
