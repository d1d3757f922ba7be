namespace NicConsole.Tests.Domain.Nics;

public class AttachNicsTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";
    private string _server = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AttachesThroughAJobAsEth1()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];

        var accepted = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Ok();
        var during = await _h.NicAsync(nic);
        await _h.Jobs.RunAllPendingAsync();
        var after = await _h.NicAsync(nic);

        during.Status.ShouldBe(NicStatus.Available);
        during.Transition.ShouldBe(Transition.Attaching);
        during.JobId.ShouldBe(accepted.JobId);
        after.Status.ShouldBe(NicStatus.InUse);
        after.Transition.ShouldBe(Transition.None);
        after.InstanceId.ShouldBe(_server);
        after.Sequence.ShouldBe(1);
        (await _h.JobAsync(accepted.JobId)).Status.ShouldBe(JobStatus.Successful);
    }

    [Fact]
    public async Task MatchesNicIdsCaseInsensitively()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];

        await _h.AttachAsync(_server, nic.ToUpperInvariant());

        (await _h.NicAsync(nic)).InstanceId.ShouldBe(_server);
    }

    [Fact]
    public async Task TakesTheLowestFreeSequence()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 3);
        await _h.AttachAsync(_server, nics[0], nics[1], nics[2]);
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nics[1]])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var next = (await _h.RequestNicsAsync(_vxnet))[0];

        await _h.AttachAsync(_server, next);

        (await _h.NicAsync(next)).Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task The64thNicSucceedsAndThe65thIsRefused()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 64);
        await _h.AttachAsync(_server, [.. nics.Take(62)]);

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[62]], _server)).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var snapshot = await _h.SnapshotAsync();
        var refused = await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[63]], _server);

        (await _h.NicAsync(nics[62])).Sequence.ShouldBe(63);
        refused.Refused(RetCode.QuotaExceeded).EnglishMessage.ShouldContain("64");
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task NicsStillAttachingCountTowardsTheLimit()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 64);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [.. nics.Take(63)], _server)).Ok();

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[63]], _server)).Refused(RetCode.QuotaExceeded);
    }

    [Fact]
    public async Task OneBadNicRefusesTheWholeRequestAndChangesNothing()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 3);
        var busy = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(_server, busy);
        var snapshot = await _h.SnapshotAsync();

        var error = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[0], nics[1], busy, nics[2]], _server)).Refused(RetCode.PermissionDenied);

        error.EnglishMessage.ShouldContain(busy);
        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task AnUnknownOrRepeatedNicRefusesTheWholeRequest()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        var snapshot = await _h.SnapshotAsync();

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic, "52:54:00:00:00:01"], _server)).Refused(RetCode.ResourceNotFound);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic, nic.ToUpperInvariant()], _server)).Refused(RetCode.InvalidParameter);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [], _server)).Refused(RetCode.InvalidParameter);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], "i-nothere")).Refused(RetCode.ResourceNotFound);

        (await _h.SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task AStoppedServerIsRefused()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [_server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var error = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Refused(RetCode.PermissionDenied);

        error.EnglishMessage.ShouldContain("stopped");
    }

    [Fact]
    public async Task AServerThatIsStoppingIsRefused()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [_server])).Ok();

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task ThePrimaryNicCannotBeAttachedElsewhere()
    {
        var other = await _h.RunServerAsync("hostb");
        var primary = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { InstanceIds = [_server] })).Ok().Items.Single();

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [primary.Id], other)).Refused(RetCode.PermissionDenied);
    }

    [Fact]
    public async Task AFailedAttachLeavesTheNicAvailableWithTheJobsError()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        using var failure = _h.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down on host" : null);

        var accepted = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var after = await _h.NicAsync(nic);
        after.Status.ShouldBe(NicStatus.Available);
        after.Transition.ShouldBe(Transition.None);
        after.InstanceId.ShouldBeNull();
        after.Sequence.ShouldBeNull();
        after.LastError.ShouldBe("link down on host");
        var job = await _h.JobAsync(accepted.JobId);
        job.Status.ShouldBe(JobStatus.Failed);
        job.Error.ShouldBe("link down on host");
    }

    [Fact]
    public async Task ADataPlaneTimeoutFailsTheJobAndUndoesTheAttach()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        using var timeout = _h.DataPlane.FailWhen(_ => throw new TaskCanceledException("host did not answer"));

        var accepted = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Ok();
        await _h.Jobs.RunAllPendingAsync();

        (await _h.JobAsync(accepted.JobId)).Status.ShouldBe(JobStatus.Failed);
        (await _h.NicAsync(nic)).Status.ShouldBe(NicStatus.Available);
        (await _h.NicAsync(nic)).InstanceId.ShouldBeNull();
    }
}
