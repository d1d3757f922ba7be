using NicConsole.Web.Features.VxNets.Detail;
using NicConsole.Web.Features.VxNets.Store;

namespace NicConsole.Tests.Web.Features.VxNets.Detail;

public class VxNetDetailReducers
{
    private static VxNetView View(string id) => new()
    {
        Id = id, Name = "net", Description = "", Type = VxNetType.Managed, Features = 1, NicCount = 0, Transition = Transition.None,
        Zone = "pek3a", Owner = "tester", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    private static AddressMap Map(string id) => new(id, null, [], null);

    [Fact]
    public void OpeningAVxNetStartsAfreshAndReloadingItKeepsTheMap()
    {
        var open = DetailReducers.ReduceLoaded(DetailReducers.ReduceLoad(new VxNetDetailState(), new LoadVxNetDetailAction("a")), new VxNetDetailLoadedAction("a", View("a"), Map("a")));

        var reloading = DetailReducers.ReduceLoad(open, new LoadVxNetDetailAction("a"));
        var other = DetailReducers.ReduceLoad(open, new LoadVxNetDetailAction("b"));

        (reloading.IsLoading, reloading.Map).ShouldBe((true, open.Map));
        (other.VxNetId, other.VxNet, other.Map).ShouldBe(("b", null, null));
    }

    [Fact]
    public void AnAnswerForAnotherVxNetIsIgnoredAndAVxNetThatIsGoneClosesTheDrawer()
    {
        var state = DetailReducers.ReduceLoad(new VxNetDetailState(), new LoadVxNetDetailAction("b"));

        DetailReducers.ReduceLoaded(state, new VxNetDetailLoadedAction("a", View("a"), Map("a"))).ShouldBeSameAs(state);
        DetailReducers.ReduceLoadFailed(state, new LoadVxNetDetailFailedAction("a", "boom")).ShouldBeSameAs(state);
        DetailReducers.ReduceLoaded(state, new VxNetDetailLoadedAction("b", null, null)).ShouldBe(new VxNetDetailState());
    }

    [Fact]
    public void AFailureSaysWhyAndCloseEmptiesTheState()
    {
        var state = DetailReducers.ReduceLoad(new VxNetDetailState(), new LoadVxNetDetailAction("a"));

        var failed = DetailReducers.ReduceLoadFailed(state, new LoadVxNetDetailFailedAction("a", "boom"));

        (failed.IsLoading, failed.ErrorMessage).ShouldBe((false, "boom"));
        DetailReducers.ReduceClose(failed).ShouldBe(new VxNetDetailState());
    }
}
