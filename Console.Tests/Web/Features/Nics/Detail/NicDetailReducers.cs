using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Nics.Detail;
using NicConsole.Web.Features.Nics.Store;

namespace NicConsole.Tests.Web.Features.Nics.Detail;

public class NicDetailReducers
{
    private static NicView View(string id) => new()
    {
        Id = id, Name = "n", Description = "", Status = NicStatus.Available, Transition = Transition.None, Role = NicRole.Secondary,
        VxNetId = "vxnet-1", VxNetName = "net", VxNetType = VxNetType.Managed, PrivateIp = IpAddress.Parse("172.16.1.2"),
        Zone = "pek3a", Owner = "tester", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    private static NicTimeline Timeline(string id, int entries) => new(id, Enumerable.Range(0, entries).Select(_ => new NicTimelineEntry
    {
        Time = DateTime.UtcNow, User = "tester", Event = NicEvent.Created, Result = OperationResult.Succeeded,
    }).ToList(), false);

    [Fact]
    public void OpeningANicStartsAfreshAndReloadingItKeepsWhatIsShown()
    {
        var open = DetailReducers.ReduceLoaded(DetailReducers.ReduceLoad(new NicDetailState(), new LoadNicDetailAction("a")), new NicDetailLoadedAction("a", View("a"), Timeline("a", 2)));

        var reloading = DetailReducers.ReduceLoad(open, new LoadNicDetailAction("a"));
        var other = DetailReducers.ReduceLoad(open, new LoadNicDetailAction("b"));

        (reloading.NicId, reloading.IsLoading, reloading.Timeline.Count).ShouldBe(("a", true, 2));
        (other.NicId, other.Nic, other.Timeline.Count).ShouldBe(("b", null, 0));
    }

    [Fact]
    public void AnAnswerForAnotherNicIsIgnored()
    {
        var state = DetailReducers.ReduceLoad(new NicDetailState(), new LoadNicDetailAction("b"));

        DetailReducers.ReduceLoaded(state, new NicDetailLoadedAction("a", View("a"), Timeline("a", 1))).ShouldBeSameAs(state);
        DetailReducers.ReduceLoadFailed(state, new LoadNicDetailFailedAction("a", "boom")).ShouldBeSameAs(state);
    }

    [Fact]
    public void ANicThatIsGoneClosesTheDrawer()
    {
        var state = DetailReducers.ReduceLoad(new NicDetailState(), new LoadNicDetailAction("a"));

        DetailReducers.ReduceLoaded(state, new NicDetailLoadedAction("a", null, null)).NicId.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsTheNicAndSaysWhy()
    {
        var open = DetailReducers.ReduceLoaded(DetailReducers.ReduceLoad(new NicDetailState(), new LoadNicDetailAction("a")), new NicDetailLoadedAction("a", View("a"), Timeline("a", 1)));

        var failed = DetailReducers.ReduceLoadFailed(DetailReducers.ReduceLoad(open, new LoadNicDetailAction("a")), new LoadNicDetailFailedAction("a", "boom"));

        (failed.Nic?.Id, failed.IsLoading, failed.ErrorMessage).ShouldBe(("a", false, "boom"));
        DetailReducers.ReduceClose(failed).ShouldBe(new NicDetailState());
    }
}
