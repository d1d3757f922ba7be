using NicConsole.Web.Features.Overview.Store;

namespace NicConsole.Tests.Web.Features.Overview;

public class OverviewReducers
{
    private static Page<T> Empty<T>(int total = 0) => new([], total);

    [Fact]
    public void ALoadMarksTheOverviewLoadingAndKeepsWhatItShows()
    {
        var state = new OverviewState { VpcCount = 3 };

        var loading = Reducers.ReduceLoad(state);

        loading.IsLoading.ShouldBeTrue();
        loading.VpcCount.ShouldBe(3);
    }

    [Fact]
    public void TakesEachListAndItsCount()
    {
        var state = new OverviewState { IsLoading = true, ErrorMessage = "old" };

        var loaded = Reducers.ReduceLoadSucceeded(state,
            new LoadOverviewSucceededAction(Empty<VpcView>(1), Empty<VxNetView>(2), Empty<NicView>(130), Empty<InstanceView>(4)));

        (loaded.VpcCount, loaded.VxNetCount, loaded.NicCount, loaded.InstanceCount).ShouldBe((1, 2, 130, 4));
        loaded.IsLoading.ShouldBeFalse();
        loaded.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsWhatItShowsAndSaysWhy()
    {
        var state = new OverviewState { NicCount = 5, IsLoading = true };

        var failed = Reducers.ReduceLoadFailed(state, new LoadOverviewFailedAction("boom"));

        failed.NicCount.ShouldBe(5);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
