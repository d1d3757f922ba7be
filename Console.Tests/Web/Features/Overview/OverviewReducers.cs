using NicConsole.Domain.Dashboard;
using NicConsole.Web.Features.Overview.Store;

namespace NicConsole.Tests.Web.Features.Overview;

public class OverviewReducers
{
    private static DashboardView Dashboard(int nics)
    {
        var none = new ResourceCounts(0, [], 0);
        return new DashboardView
        {
            Time = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), Commit = 0,
            Nics = new ResourceCounts(nics, [new StatusCount("available", nics)], 0),
            VxNets = none, Vpcs = none, Servers = none, FullestVxNets = [], FullestServers = [], Jobs = new JobCounts(0, 0, 0),
            FailedJobs = [], StuckJobs = [], StuckJobCount = 0, StuckAfter = TimeSpan.FromMinutes(2), NextStuckAt = null,
            LatestOperations = [], NicActivity = [],
        };
    }

    [Fact]
    public void ALoadMarksTheDashboardLoadingAndKeepsWhatItShows()
    {
        var shown = Dashboard(3);
        var state = new OverviewState { Dashboard = shown };

        var loading = Reducers.ReduceLoad(state);

        loading.IsLoading.ShouldBeTrue();
        loading.Dashboard.ShouldBeSameAs(shown);
    }

    [Fact]
    public void TakesTheDashboardAndClearsAnOldError()
    {
        var state = new OverviewState { Dashboard = Dashboard(1), IsLoading = true, ErrorMessage = "old" };
        var read = Dashboard(130);

        var loaded = Reducers.ReduceLoadSucceeded(state, new LoadOverviewSucceededAction(read));

        loaded.Dashboard.ShouldBeSameAs(read);
        loaded.IsLoading.ShouldBeFalse();
        loaded.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsWhatItShowsAndSaysWhy()
    {
        var shown = Dashboard(5);
        var state = new OverviewState { Dashboard = shown, IsLoading = true };

        var failed = Reducers.ReduceLoadFailed(state, new LoadOverviewFailedAction("boom"));

        failed.Dashboard.ShouldBeSameAs(shown);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
