using NicConsole.Domain.Changes;

namespace NicConsole.Tests.Domain.Changes;

/// <summary>What a committed change says it touched, read from what its use case wrote.</summary>
public class TouchedTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private ChangeInbox _heard = null!;
    private string _vxnet = "";
    private string _server = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _heard = new ChangeInbox(_h.Get<IChangeFeed>());
    }

    public async Task DisposeAsync()
    {
        _heard.Dispose();
        await _h.DisposeAsync();
    }

    private IReadOnlyList<Touched> Heard(string action) => _heard.Changes.Single(c => c.Action == action).Touched!;

    [Fact]
    public async Task ARenameTouchesTheNicInItsVxNetAndChangesNoState()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        _heard.Take();

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(nic, Name: "renamed"))).Ok();

        var touched = Heard("ModifyNicAttributes").ShouldHaveSingleItem();
        touched.Kind.ShouldBe(ResourceKinds.Nic);
        touched.Id.ShouldBe(nic);
        touched.In.ShouldBe([_vxnet]);
        touched.Was.ShouldBe(new ResourceState("available", false));
        touched.Now.ShouldBe(touched.Was);
        touched.Moved.ShouldBeFalse();
        touched.Recounts.ShouldBeFalse();
    }

    [Fact]
    public async Task RequestingNicsTouchesTheNewNicsButNotTheVxNetWhoseVersionMoved()
    {
        var nics = await _h.RequestNicsAsync(_vxnet, 2);

        var touched = Heard("CreateNics");
        touched.Select(t => t.Id).ShouldBe(nics, ignoreOrder: true);
        touched.ShouldAllBe(t => t.Kind == ResourceKinds.Nic && t.Was == null && t.Now == new ResourceState("available", false) && t.Recounts);
        touched.ShouldNotContain(t => t.Kind == ResourceKinds.VxNet);
    }

    [Fact]
    public async Task AnAttachTouchesTheNicAndItsServerAndAJobAndItsSettlementAgain()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        _heard.Take();

        var accepted = (await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], _server)).Ok();

        var attach = Heard("AttachNics");
        var touchedNic = attach.Single(t => t.Kind == ResourceKinds.Nic);
        touchedNic.In.ShouldBe([_vxnet, _server], ignoreOrder: true);
        touchedNic.Moved.ShouldBeTrue();
        touchedNic.Was.ShouldBe(new ResourceState("available", false));
        touchedNic.Now!.Changing.ShouldBeTrue();
        var job = attach.Single(t => t.Kind == ResourceKinds.Job);
        (job.Id, job.Was, job.Now).ShouldBe((accepted.JobId, null, new ResourceState("pending", false)));

        _heard.Take();
        await _h.Jobs.RunAllPendingAsync();

        var settled = _heard.Changes.Single(c => c.JobId == accepted.JobId).Touched!;
        settled.Single(t => t.Kind == ResourceKinds.Nic).Now.ShouldBe(new ResourceState("in-use", false));
        settled.Single(t => t.Kind == ResourceKinds.Job).Now.ShouldBe(new ResourceState("successful", false));
    }

    [Fact]
    public async Task ANicMovedToAnotherVxNetSitsInBoth()
    {
        var other = await _h.CreateJoinedVxNetAsync("172.16.2.0/24");
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        _heard.Take();

        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(nic, VxNetId: other))).Ok();

        var touched = Heard("ModifyNicAttributes").Single(t => t.Kind == ResourceKinds.Nic);
        touched.In.ShouldBe([_vxnet, other], ignoreOrder: true);
        touched.Moved.ShouldBeTrue();
    }

    [Fact]
    public async Task ADeletedNicIsGoneAfterTheChange()
    {
        var nic = (await _h.RequestNicsAsync(_vxnet))[0];
        _heard.Take();

        (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nic])).Ok();

        var touched = Heard("DeleteNics").Single(t => t.Id == nic);
        (touched.Was, touched.Now).ShouldBe((new ResourceState("available", false), null));
    }

    [Fact]
    public async Task TheChangesOfOneCommitShareItsNumberAndLaterCommitsHaveHigherOnes()
    {
        await _h.RequestNicsAsync(_vxnet);
        await _h.RequestNicsAsync(_vxnet);
        var commits = _heard.Changes.Select(c => c.Commit).ToList();

        commits.ShouldAllBe(c => c > 0);
        commits.ShouldBeInOrder();
        commits.Distinct().Count().ShouldBe(2);
    }
}
