using NicConsole.Web.Features.Nics.Store;

namespace NicConsole.Tests.Web.Features.Nics;

/// <summary>The NIC list's reducers: the generic list reducer as the NIC feature closes it.</summary>
public class NicsReducers
{
    private static readonly NicsReducer Reducer = new();

    private static NicView Nic(string id) => new()
    {
        Id = id, Name = "", Description = "", Status = NicStatus.Available, Transition = Transition.None, Role = NicRole.Secondary,
        VxNetId = "vxnet-a", VxNetName = "a", VxNetType = VxNetType.Managed, PrivateIp = IpAddress.Parse("172.16.1.2"),
        Zone = "pek3a", Owner = "o", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    [Fact]
    public void ALoadMarksTheStateLoadingWithItsQuery()
    {
        var query = new NicQuery { SearchWord = "web" };

        var state = Reducer.Reduce(new NicsState(), new LoadNicsAction(query));

        state.IsLoading.ShouldBeTrue();
        state.Query.ShouldBe(query);
    }

    [Fact]
    public void AQuietReloadOfTheQueryShownChangesNothingUntilItsPageComes()
    {
        var query = new NicQuery { SearchWord = "web" };
        var state = new NicsState { Query = query, Items = [Nic("52:54:00:00:00:01")], TotalCount = 1 };

        Reducer.Reduce(state, new LoadNicsAction(query) { Quiet = true }).ShouldBeSameAs(state);
        var other = Reducer.Reduce(state, new LoadNicsAction(new NicQuery { SearchWord = "db" }) { Quiet = true });
        other.IsLoading.ShouldBeTrue("a quiet load of another query still shows that the rows are on their way");
        Reducer.Reduce(state, new LoadNicsAction(query)).IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void TakesThePageOfTheLatestQueryOnlyAndKeepsTheSelectionThatIsStillShown()
    {
        var latest = new NicQuery { SearchWord = "b" };
        var state = new NicsState { Query = latest, Selected = ["52:54:00:00:00:01", "52:54:00:00:00:09"] };

        var stale = Reducer.Reduce(state, new LoadNicsSucceededAction(new NicQuery { SearchWord = "a" }, new Page<NicView>([Nic("x")], 1)));
        var fresh = Reducer.Reduce(state, new LoadNicsSucceededAction(latest, new Page<NicView>([Nic("52:54:00:00:00:01")], 7)));

        stale.ShouldBeSameAs(state);
        fresh.Items.Single().Id.ShouldBe("52:54:00:00:00:01");
        fresh.TotalCount.ShouldBe(7);
        fresh.Selected.ShouldBe(["52:54:00:00:00:01"]);
        fresh.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void AFailureKeepsThePageAndShowsTheError()
    {
        var state = new NicsState { Items = [Nic("a")], IsLoading = true };

        var failed = Reducer.Reduce(state, new LoadNicsFailedAction("boom"));

        failed.Items.Count.ShouldBe(1);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
