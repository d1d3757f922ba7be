using NicConsole.Web.Features.Instances.Store;

namespace NicConsole.Tests.Web.Features.Instances;

public class InstancesReducers
{
    private static readonly InstancesReducer List = new();

    private static InstanceView Server(string id, int nics = 1) => new(
        id, "", "", "centos7x64", "s1.small.r1", 1, 1024, InstanceStatus.Running, Transition.None, null, "pek3a", "o", DateTime.UtcNow, DateTime.UtcNow,
        Enumerable.Range(0, nics).Select(i => new InstanceNicView($"52:54:00:00:00:{i:x2}", i, i == 0 ? NicRole.Primary : NicRole.Secondary,
            NicStatus.InUse, Transition.None, IpAddress.Parse($"172.16.1.{i + 2}"), "vxnet-a", "a", VxNetType.Managed, Cidr.Parse("172.16.1.0/24"), null)).ToList());

    [Fact]
    public void ALoadMarksTheListLoadingWithItsQuery()
    {
        var query = new InstanceQuery { SearchWord = "web" };

        var state = List.Reduce(new InstancesState { Items = [Server("i-a")] }, new LoadInstancesAction(query));

        state.IsLoading.ShouldBeTrue();
        state.Query.ShouldBe(query);
        state.Items.Single().Id.ShouldBe("i-a");
    }

    [Fact]
    public void TakesThePageOfTheLatestQueryAndKeepsOnlyTheSelectionStillOnIt()
    {
        var latest = new InstanceQuery { SearchWord = "b" };
        var state = new InstancesState { Query = latest, IsLoading = true, ErrorMessage = "old", Selected = ["i-kept", "i-gone"] };

        var loaded = List.Reduce(state,
            new LoadInstancesSucceededAction(latest, new Page<InstanceView>([Server("i-kept", 3), Server("i-new")], 12)));

        loaded.Items.Select(i => i.Id).ShouldBe(["i-kept", "i-new"]);
        loaded.Items[0].Nics.Count.ShouldBe(3);
        loaded.TotalCount.ShouldBe(12);
        loaded.Selected.ShouldBe(["i-kept"]);
        loaded.SelectedItems.Single().Id.ShouldBe("i-kept");
        loaded.IsLoading.ShouldBeFalse();
        loaded.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void DropsALateAnswerToAnOlderQuery()
    {
        var state = new InstancesState { Query = new InstanceQuery { SearchWord = "b" }, Items = [Server("i-b")], Selected = ["i-b"], IsLoading = true };

        var late = List.Reduce(state,
            new LoadInstancesSucceededAction(new InstanceQuery { SearchWord = "a" }, new Page<InstanceView>([Server("i-a")], 1)));

        late.ShouldBeSameAs(state);
    }

    [Fact]
    public void AFailureKeepsThePageAndTheSelectionAndShowsTheError()
    {
        var state = new InstancesState { Items = [Server("i-a")], Selected = ["i-a"], IsLoading = true };

        var failed = List.Reduce(state, new LoadInstancesFailedAction("boom"));

        failed.Items.Single().Id.ShouldBe("i-a");
        failed.Selected.ShouldBe(["i-a"]);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void SelectingReplacesTheSelectionAndSelectedItemsFollowThePage()
    {
        var state = new InstancesState { Items = [Server("i-a"), Server("i-b")], Selected = ["i-a"] };

        var selected = List.Reduce(state, new SelectInstancesAction(["i-b", "i-elsewhere"]));

        selected.Selected.ShouldBe(["i-b", "i-elsewhere"], ignoreOrder: true);
        selected.SelectedItems.Single().Id.ShouldBe("i-b");
    }

    [Fact]
    public void OpeningAnotherServerStartsAFreshDetail()
    {
        var state = new InstanceDetailState { InstanceId = "i-a", Instance = Server("i-a"), ErrorMessage = "old" };

        var same = DetailReducers.ReduceLoad(state, new LoadInstanceAction("i-a"));
        var other = DetailReducers.ReduceLoad(state, new LoadInstanceAction("i-b"));

        same.Instance.ShouldBe(state.Instance);
        same.IsLoading.ShouldBeTrue();
        other.InstanceId.ShouldBe("i-b");
        other.Instance.ShouldBeNull();
        other.ErrorMessage.ShouldBeNull();
        other.IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void TakesTheServerThatIsOpenOnly()
    {
        var state = new InstanceDetailState { InstanceId = "i-a", IsLoading = true, ErrorMessage = "old" };

        var stale = DetailReducers.ReduceLoaded(state, new InstanceLoadedAction("i-b", Server("i-b")));
        var fresh = DetailReducers.ReduceLoaded(state, new InstanceLoadedAction("i-a", Server("i-a", 2)));

        stale.ShouldBeSameAs(state);
        fresh.Instance!.Nics.Count.ShouldBe(2);
        fresh.NotFound.ShouldBeFalse();
        fresh.IsLoading.ShouldBeFalse();
        fresh.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void AServerThatIsNotThereIsNotFound()
    {
        var state = new InstanceDetailState { InstanceId = "i-a", Instance = Server("i-a"), IsLoading = true };

        var gone = DetailReducers.ReduceLoaded(state, new InstanceLoadedAction("i-a", null));

        gone.NotFound.ShouldBeTrue();
        gone.Instance.ShouldBeNull();
        gone.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void ADetailFailureShowsTheErrorOfTheOpenServerOnly()
    {
        var state = new InstanceDetailState { InstanceId = "i-a", IsLoading = true };

        DetailReducers.ReduceFailed(state, new LoadInstanceFailedAction("i-b", "boom")).ShouldBeSameAs(state);
        var failed = DetailReducers.ReduceFailed(state, new LoadInstanceFailedAction("i-a", "boom"));

        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
