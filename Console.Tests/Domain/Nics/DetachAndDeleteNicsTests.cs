namespace NicConsole.Tests.Domain.Nics;

public class DetachAndDeleteNicsTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";
    private string _server = "";
    private string _primary = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _primary = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { InstanceIds = [_server] })).Ok().Items.Single().Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task DetachesThroughAJob()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(_server, nic);

        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();
        var during = await _h.NicAsync(nic);
        await _h.Jobs.RunAllPendingAsync();
        var after = await _h.NicAsync(nic);

        during.Status.ShouldBe(NicStatus.InUse);
        during.Transition.ShouldBe(Transition.Detaching);
        after.Status.ShouldBe(NicStatus.Available);
        after.InstanceId.ShouldBeNull();
        after.Sequence.ShouldBeNull();
        after.PrivateIp.ToString().ShouldBe("172.16.1.2");
    }

    [Fact]
    public async Task AFailedDetachLeavesTheNicInUse()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(_server, nic);
        using var failure = _h.DataPlane.FailWhen(_ => "host unreachable");

        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var after = await _h.NicAsync(nic);
        after.Status.ShouldBe(NicStatus.InUse);
        after.InstanceId.ShouldBe(_server);
        after.LastError.ShouldBe("host unreachable");
    }

    [Fact]
    public async Task ThePrimaryNicCannotBeDetachedOrDeleted()
    {
        var snapshot = await _h.SnapshotAsync();

        var detach = (await _h.Get<DetachNics>().RunAsync(_h.Context, [_primary])).Refused(RetCode.PermissionDenied);
        var delete = (await _h.Get<DeleteNics>().RunAsync(_h.Context, [_primary])).Refused(RetCode.PermissionDenied);

        detach.Key.ShouldBe(nameof(DomainErrors.NicIsPrimary));
        delete.Key.ShouldBe(nameof(DomainErrors.NicIsPrimary));
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task OnlyInUseNicsAreDetached()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];

        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nic])).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task OnlyAvailableNicsAreDeleted()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 2);
        await _h.AttachAsync(_server, nics[1]);
        var snapshot = await _h.SnapshotAsync();

        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nics[0], nics[1]])).Refused(RetCode.PermissionDenied);
        (await _h.SnapshotAsync()).ShouldBe(snapshot);

        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nics[0]])).Ok();
        (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { Ids = [nics[0]] })).Ok().TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task ADeletedNicsAddressIsFreeAgain()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nic])).Ok();

        (await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.2")).ShouldHaveSingleItem();
    }
}
