using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain.Nics;

public class NicTimelineTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private string _vxnet = "";
    private string _server = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _nic = (await _h.RequestNicsAsync(_vxnet, 1, "172.16.1.20"))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private OperationContext As(string user) => _h.Context with { User = user };

    private async Task<NicTimeline> TimelineAsync(string? nic = null) => (await _h.Get<NicQueries>().TimelineAsync(_h.Context, nic ?? _nic)).Ok();

    [Fact]
    public async Task TellsCreateAttachDetachRenameAndAddressChangeInOrderWithTheirUsers()
    {
        (await _h.Get<AttachNics>().RunAsync(As("alice"), [_nic], _server)).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<DetachNics>().RunAsync(As("bob"), [_nic])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        (await _h.Get<ModifyNic>().RunAsync(As("carol"), new ModifyNic.Request(_nic, Name: "db-link"))).Ok();
        (await _h.Get<ModifyNic>().RunAsync(As("dave"), new ModifyNic.Request(_nic, PrivateIp: "172.16.1.50"))).Ok();

        var timeline = await TimelineAsync();

        timeline.Truncated.ShouldBeFalse();
        timeline.Entries.Select(e => (e.Event, e.User, e.Result)).ShouldBe(
        [
            (NicEvent.Created, "tester", OperationResult.Succeeded),
            (NicEvent.Attached, "alice", OperationResult.Succeeded),
            (NicEvent.Detached, "bob", OperationResult.Succeeded),
            (NicEvent.Renamed, "carol", OperationResult.Succeeded),
            (NicEvent.AddressChanged, "dave", OperationResult.Succeeded),
        ]);
        timeline.Entries.Select(e => e.Time).ShouldBeInOrder();
        var (created, attached, detached, renamed, moved) = (timeline.Entries[0], timeline.Entries[1], timeline.Entries[2], timeline.Entries[3], timeline.Entries[4]);
        created.VxNetId.ShouldBe(_vxnet);
        created.PrivateIp.ToString().ShouldBe("172.16.1.20");
        (attached.InstanceId, attached.Sequence).ShouldBe((_server, 1));
        attached.FinishTime.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(attached.Time);
        (detached.InstanceId, detached.Sequence).ShouldBe((_server, 1));
        renamed.Text.ShouldBe("db-link");
        (moved.FromIp.ToString(), moved.PrivateIp.ToString()).ShouldBe(("172.16.1.20", "172.16.1.50"));
        moved.VxNetId.ShouldBe(_vxnet);
    }

    [Fact]
    public async Task AFailedAttachShowsTheJobsErrorAndOneStillRunningShowsAccepted()
    {
        using (_h.DataPlane.FailWhen(_ => "host unreachable"))
        {
            await _h.AttachAsync(_server, _nic);
        }

        (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok();

        var timeline = await TimelineAsync();
        timeline.Entries.Select(e => (e.Event, e.Result)).ShouldBe(
            [(NicEvent.Created, OperationResult.Succeeded), (NicEvent.Attached, OperationResult.Failed), (NicEvent.Attached, OperationResult.Accepted)]);
        timeline.Entries[1].Error.ShouldBe("host unreachable");
        timeline.Entries[2].FinishTime.ShouldBeNull();
        timeline.Entries[2].JobId.ShouldNotBeNull();
    }

    [Fact]
    public async Task APrimaryNicStartsWithItsServerAtEth0()
    {
        var primary = (await _h.Get<NicQueries>().QueryAsync(_h.Context, new NicQuery { InstanceIds = [_server] })).Ok().Items.Single();

        var created = (await TimelineAsync(primary.Id)).Entries.ShouldHaveSingleItem();

        created.Event.ShouldBe(NicEvent.Created);
        created.Result.ShouldBe(OperationResult.Succeeded);
        (created.InstanceId, created.Sequence, created.PrivateIp).ShouldBe((_server, 0, primary.PrivateIp));
    }

    [Fact]
    public async Task ASecondaryNicIsReleasedWhenItsServerIsTerminated()
    {
        await _h.AttachAsync(_server, _nic);

        (await _h.Get<TerminateInstances>().RunAsync(As("erin"), [_server])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var released = (await TimelineAsync()).Entries[^1];
        (released.Event, released.User, released.Result).ShouldBe((NicEvent.ReleasedWithServer, "erin", OperationResult.Succeeded));
        (released.InstanceId, released.Sequence).ShouldBe((_server, 1));
    }

    [Fact]
    public async Task ShowsOnlyItsOwnNicAndAcceptsTheMacInAnyCase()
    {
        var other = (await _h.RequestNicsAsync(_vxnet))[0];
        await _h.AttachAsync(_server, other);
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(other, Name: "other"))).Ok();

        var timeline = (await _h.Get<NicQueries>().TimelineAsync(_h.Context, _nic.ToUpperInvariant())).Ok();

        timeline.NicId.ShouldBe(_nic);
        timeline.Entries.ShouldHaveSingleItem().Event.ShouldBe(NicEvent.Created);
    }

    [Fact]
    public async Task ADescriptionChangeAndARenameInOneRequestAreTwoEvents()
    {
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(_nic, Name: "a; b", Description: "to db"))).Ok();

        var changes = (await TimelineAsync()).Entries.Skip(1).ToList();

        changes.Select(e => (e.Event, e.Text)).ShouldBe([(NicEvent.Renamed, "a; b"), (NicEvent.DescriptionChanged, "to db")]);
    }

    [Fact]
    public async Task AnUnknownNicIsNotFound() =>
        (await _h.Get<NicQueries>().TimelineAsync(_h.Context, "52:54:00:00:00:01")).Refused(RetCode.ResourceNotFound);
}
