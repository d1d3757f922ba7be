using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Operations.Store;

namespace NicConsole.Tests.Web.Features.Operations;

public class OperationsReducers
{
    private static readonly OperationsReducer List = new();

    private static OperationLogEntry Entry(string action) =>
        new("tester", "pek3a", OperationContext.DefaultTenant, action, ["vxnet-aaaaaaa"], OperationResult.Succeeded, "", null, DateTime.UtcNow);

    [Fact]
    public void ALoadMarksTheStateLoadingWithItsQuery()
    {
        var query = new OperationQuery { Results = [OperationResult.Failed] };

        var state = List.Reduce(new OperationsState(), new LoadOperationsAction(query));

        state.IsLoading.ShouldBeTrue();
        state.Query.ShouldBe(query);
    }

    [Fact]
    public void TakesThePageOfTheLatestQueryOnly()
    {
        var latest = new OperationQuery { User = "b" };
        var state = new OperationsState { Query = latest, IsLoading = true };

        var stale = List.Reduce(state, new LoadOperationsSucceededAction(new OperationQuery { User = "a" }, new Page<OperationLogEntry>([Entry("Old")], 1)));
        var fresh = List.Reduce(state, new LoadOperationsSucceededAction(latest, new Page<OperationLogEntry>([Entry("CreateVxnets")], 12)));

        stale.ShouldBeSameAs(state);
        fresh.Items.Single().Action.ShouldBe("CreateVxnets");
        fresh.TotalCount.ShouldBe(12);
        fresh.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void TheDrawerOpensOnAnEntryAndClosesAgain()
    {
        var entry = Entry("DeleteNics");

        var open = Reducers.ReduceShow(new OperationsState(), new ShowOperationAction(entry));
        var closed = Reducers.ReduceClose(open);

        open.Detail.ShouldBeSameAs(entry);
        closed.Detail.ShouldBeNull();
    }

    [Fact]
    public void AFailureKeepsThePageAndShowsTheError()
    {
        var state = new OperationsState { Items = [Entry("a")], IsLoading = true };

        var failed = List.Reduce(state, new LoadOperationsFailedAction("boom"));

        failed.Items.Count.ShouldBe(1);
        failed.ErrorMessage.ShouldBe("boom");
        failed.IsLoading.ShouldBeFalse();
    }
}
