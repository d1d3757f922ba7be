using NicConsole.Web.Features.Vpcs.Store;

namespace NicConsole.Tests.Web.Features.Vpcs;

public class VpcsReducers
{
    private static readonly VpcsReducer List = new();

    private static VpcView Vpc(string id, int vxnets = 0) => new()
    {
        Id = id, Name = "", Description = "", Network = Cidr.Parse("172.16.0.0/16"), RouterType = 1, Status = VpcStatus.Active,
        Transition = Transition.None, VxNetCount = vxnets, Zone = "pek3a", Owner = "o", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    private static Page<VxNetView> NoVxNets => new([], 0);

    [Fact]
    public void ALoadMarksTheStateLoadingWithItsQuery()
    {
        var query = new VpcQuery { SearchWord = "core" };

        var state = List.Reduce(new VpcsState(), new LoadVpcsAction(query));

        state.IsLoading.ShouldBeTrue();
        state.Query.ShouldBe(query);
    }

    [Fact]
    public void TakesThePageOfTheLatestQueryOnlyAndKeepsTheSelectionThatIsStillShown()
    {
        var latest = new VpcQuery { SearchWord = "b" };
        var state = new VpcsState { Query = latest, IsLoading = true, ErrorMessage = "old", Selected = ["rtr-aaaaaaaa", "rtr-gone0000"] };

        var stale = List.Reduce(state, new LoadVpcsSucceededAction(new VpcQuery { SearchWord = "a" }, new Page<VpcView>([Vpc("rtr-x")], 1)));
        var fresh = List.Reduce(state, new LoadVpcsSucceededAction(latest, new Page<VpcView>([Vpc("rtr-aaaaaaaa"), Vpc("rtr-bbbbbbbb")], 9)));

        stale.ShouldBeSameAs(state);
        fresh.Items.Select(v => v.Id).ShouldBe(["rtr-aaaaaaaa", "rtr-bbbbbbbb"]);
        fresh.TotalCount.ShouldBe(9);
        fresh.Selected.ShouldBe(["rtr-aaaaaaaa"]);
        fresh.SelectedItems.Single().Id.ShouldBe("rtr-aaaaaaaa");
        fresh.IsLoading.ShouldBeFalse();
        fresh.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsThePageAndShowsTheError()
    {
        var state = new VpcsState { Items = [Vpc("rtr-a")], IsLoading = true };

        var failed = List.Reduce(state, new LoadVpcsFailedAction("boom"));

        failed.Items.Count.ShouldBe(1);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void SelectingReplacesTheSelection()
    {
        var state = new VpcsState { Items = [Vpc("rtr-a"), Vpc("rtr-b")], Selected = ["rtr-a"] };

        var selected = List.Reduce(state, new SelectVpcsAction(["rtr-b"]));

        selected.Selected.ShouldBe(["rtr-b"]);
        selected.SelectedItems.Single().Id.ShouldBe("rtr-b");
    }

    [Fact]
    public void OpeningAnotherVpcStartsAFreshDetail()
    {
        var state = new VpcDetailState { VpcId = "rtr-a", Vpc = Vpc("rtr-a"), VxNetTotal = 3 };

        var same = DetailReducers.ReduceLoadDetail(state, new LoadVpcDetailAction("rtr-a"));
        var other = DetailReducers.ReduceLoadDetail(state, new LoadVpcDetailAction("rtr-b"));

        same.Vpc.ShouldBe(state.Vpc);
        same.IsLoading.ShouldBeTrue();
        other.VpcId.ShouldBe("rtr-b");
        other.Vpc.ShouldBeNull();
        other.VxNetTotal.ShouldBe(0);
        other.IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void TakesTheDetailOfTheOpenVpcOnly()
    {
        var state = new VpcDetailState { VpcId = "rtr-a", IsLoading = true };

        var stale = DetailReducers.ReduceDetailLoaded(state, new VpcDetailLoadedAction("rtr-b", Vpc("rtr-b"), NoVxNets));
        var fresh = DetailReducers.ReduceDetailLoaded(state, new VpcDetailLoadedAction("rtr-a", Vpc("rtr-a", 2), new Page<VxNetView>([], 2)));

        stale.ShouldBeSameAs(state);
        fresh.Vpc!.VxNetCount.ShouldBe(2);
        fresh.VxNetTotal.ShouldBe(2);
        fresh.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void AVpcThatIsGoneClosesTheDetail()
    {
        var state = new VpcDetailState { VpcId = "rtr-a", Vpc = Vpc("rtr-a") };

        var gone = DetailReducers.ReduceDetailLoaded(state, new VpcDetailLoadedAction("rtr-a", null, NoVxNets));

        gone.VpcId.ShouldBeNull();
        gone.Vpc.ShouldBeNull();
    }

    [Fact]
    public void ADetailFailureShowsTheErrorOfTheOpenVpcOnly()
    {
        var state = new VpcDetailState { VpcId = "rtr-a", IsLoading = true };

        DetailReducers.ReduceLoadDetailFailed(state, new LoadVpcDetailFailedAction("rtr-b", "boom")).ShouldBeSameAs(state);
        var failed = DetailReducers.ReduceLoadDetailFailed(state, new LoadVpcDetailFailedAction("rtr-a", "boom"));

        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void ClosingForgetsTheVpc() =>
        DetailReducers.ReduceCloseDetail(new VpcDetailState { VpcId = "rtr-a", Vpc = Vpc("rtr-a") }).VpcId.ShouldBeNull();
}
