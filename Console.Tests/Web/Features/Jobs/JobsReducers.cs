using NicConsole.Domain.DataPlane;
using NicConsole.Web.Features.Jobs.Store;

namespace NicConsole.Tests.Web.Features.Jobs;

public class JobsReducers
{
    private static readonly JobsReducer List = new();

    /// <summary>As the store runs them: the job reducer (the drawer follows its row), then the list's.</summary>
    private static JobsState Loaded(JobsState state, LoadJobsSucceededAction action) => List.Reduce(Reducers.ReduceLoadSucceeded(state, action), action);

    private static Job NewJob(string id, JobAction action = JobAction.AttachNics) =>
        new(id, action, ["52:54:00:00:00:01", "i-aaaaaaaa"], "{}", DataPlaneSpec.Empty, "pek3a", "tester", OperationContext.DefaultTenant, DateTime.UtcNow);

    [Fact]
    public void ALoadMarksTheStateLoadingWithItsQuery()
    {
        var query = new JobQuery { Statuses = [JobStatus.Failed] };

        var state = List.Reduce(new JobsState(), new LoadJobsAction(query));

        state.IsLoading.ShouldBeTrue();
        state.Query.ShouldBe(query);
    }

    [Fact]
    public void TakesThePageOfTheLatestQueryOnly()
    {
        var latest = new JobQuery { Owner = "b" };
        var state = new JobsState { Query = latest, IsLoading = true };

        var stale = Loaded(state, new LoadJobsSucceededAction(new JobQuery { Owner = "a" }, new Page<Job>([NewJob("j-old")], 1)));
        var fresh = Loaded(state, new LoadJobsSucceededAction(latest, new Page<Job>([NewJob("j-new")], 9)));

        stale.ShouldBeSameAs(state);
        fresh.Items.Single().Id.ShouldBe("j-new");
        fresh.TotalCount.ShouldBe(9);
        fresh.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void TheOpenJobFollowsItsRowAndStaysWhenItLeavesThePage()
    {
        var before = NewJob("j-1");
        var after = NewJob("j-1");
        var state = Reducers.ReduceShow(new JobsState(), new ShowJobAction(before));

        var reloaded = Loaded(state, new LoadJobsSucceededAction(state.Query, new Page<Job>([after], 1)));
        var filteredAway = Loaded(state, new LoadJobsSucceededAction(state.Query, new Page<Job>([NewJob("j-2")], 1)));

        reloaded.Detail.ShouldBeSameAs(after);
        filteredAway.Detail.ShouldBeSameAs(before);
    }

    [Fact]
    public void ClosingTheDrawerForgetsTheJob()
    {
        var state = new JobsState { Detail = NewJob("j-1") };

        Reducers.ReduceClose(state).Detail.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsThePageAndShowsTheError()
    {
        var state = new JobsState { Items = [NewJob("j-1")], IsLoading = true };

        var failed = List.Reduce(state, new LoadJobsFailedAction("boom"));

        failed.Items.Count.ShouldBe(1);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
