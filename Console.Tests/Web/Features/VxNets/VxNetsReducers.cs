using NicConsole.Web.Features.VxNets.Store;

namespace NicConsole.Tests.Web.Features.VxNets;

public class VxNetsReducers
{
    private static readonly VxNetsReducer List = new();

    private static VxNetView VxNet(string id, int nics = 0) => new()
    {
        Id = id, Name = "", Description = "", Type = VxNetType.Managed, Features = 1, NicCount = nics, Transition = Transition.None,
        Zone = "pek3a", Owner = "o", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    [Fact]
    public void ALoadMarksTheStateLoadingWithItsQuery()
    {
        var query = new VxNetQuery { SearchWord = "web" };
        var state = new VxNetsState { Items = [VxNet("vxnet-a")] };

        var loading = List.Reduce(state, new LoadVxNetsAction(query));

        loading.IsLoading.ShouldBeTrue();
        loading.Query.ShouldBe(query);
        loading.Items.ShouldBe(state.Items);
    }

    [Fact]
    public void TakesThePageOfTheLatestQuery()
    {
        var latest = new VxNetQuery { SearchWord = "b" };
        var state = new VxNetsState { Query = latest, IsLoading = true, ErrorMessage = "old" };

        var loaded = List.Reduce(state, new LoadVxNetsSucceededAction(latest, new Page<VxNetView>([VxNet("vxnet-b", 5)], 31)));

        loaded.Items.Single().NicCount.ShouldBe(5);
        loaded.TotalCount.ShouldBe(31);
        loaded.IsLoading.ShouldBeFalse();
        loaded.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void DropsALateAnswerToAnOlderQuery()
    {
        var state = new VxNetsState { Query = new VxNetQuery { SearchWord = "b" }, Items = [VxNet("vxnet-b")], IsLoading = true };

        var late = List.Reduce(state, new LoadVxNetsSucceededAction(new VxNetQuery { SearchWord = "a" }, new Page<VxNetView>([VxNet("vxnet-a")], 1)));

        late.ShouldBeSameAs(state);
    }

    [Fact]
    public void AnAnswerToTheSameFiltersOnAnotherPageIsAnOlderQueryToo()
    {
        var state = new VxNetsState { Query = new VxNetQuery { Page = new(Offset: 20) }, IsLoading = true };

        var late = List.Reduce(state, new LoadVxNetsSucceededAction(new VxNetQuery(), new Page<VxNetView>([VxNet("vxnet-a")], 21)));

        late.ShouldBeSameAs(state);
    }

    [Fact]
    public void AFailureKeepsThePageAndShowsTheError()
    {
        var state = new VxNetsState { Items = [VxNet("vxnet-a")], TotalCount = 1, IsLoading = true };

        var failed = List.Reduce(state, new LoadVxNetsFailedAction("boom"));

        failed.Items.Single().Id.ShouldBe("vxnet-a");
        failed.TotalCount.ShouldBe(1);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
