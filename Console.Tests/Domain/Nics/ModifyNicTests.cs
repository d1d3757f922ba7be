namespace NicConsole.Tests.Domain.Nics;

public class ModifyNicTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _nic = (await _h.RequestNicsAsync(_vxnet))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ChangesTheAddressWhileAvailable()
    {
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.50"))).Ok();

        (await _h.NicAsync(_nic)).PrivateIp.ToString().ShouldBe("172.16.1.50");
        (await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.2")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task KeepingTheSameAddressIsNoChange() =>
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.2"))).Ok();

    [Fact]
    public async Task NamingItsOwnVxNetWithoutAnAddressMovesNothing()
    {
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.40"))).Ok();

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, Name: "same", VxNetId: _vxnet))).Ok();

        (await _h.NicAsync(_nic)).PrivateIp.ToString().ShouldBe("172.16.1.40");
    }

    [Fact]
    public async Task RefusesATakenOrReservedAddress()
    {
        await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.60");

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.60"))).Refused(RetCode.ResourceAlreadyExists);
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.255"))).Refused(RetCode.InvalidParameter);
        (await _h.NicAsync(_nic)).PrivateIp.ToString().ShouldBe("172.16.1.2");
    }

    [Fact]
    public async Task RenamesInAnyStateButReaddressesOnlyWhileAvailable()
    {
        var server = await _h.RunServerAsync();
        await _h.AttachAsync(server, _nic);

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, Name: "db-link"))).Ok();
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, PrivateIp: "172.16.1.70"))).Refused(RetCode.PermissionDenied);

        var nic = await _h.NicAsync(_nic);
        nic.Name.ShouldBe("db-link");
        nic.PrivateIp.ToString().ShouldBe("172.16.1.2");
    }

    [Fact]
    public async Task MovesToAnotherVxNetWithItsLowestFreeAddress()
    {
        var other = await _h.CreateJoinedVxNetAsync("172.17.5.0/24", await _h.CreateVpcAsync("172.17.0.0/16"));

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, VxNetId: other))).Ok();

        var nic = await _h.NicAsync(_nic);
        nic.VxNetId.ShouldBe(other);
        nic.PrivateIp.ToString().ShouldBe("172.17.5.2");
    }

    [Fact]
    public async Task RefusesALongName() =>
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, Name: new string('x', Limits.NameLength + 1)))).Refused(RetCode.InvalidParameter);
}
