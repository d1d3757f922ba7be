using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Features.ApiKeys.Store;

namespace NicConsole.Tests.Web.Features.ApiKeys;

public class ApiKeysReducers
{
    private static AccessKey Key() => new("ops", "", "protected", DateTime.UtcNow);

    [Fact]
    public void ALoadKeepsTheListAndTakesTheNewOne()
    {
        var state = new ApiKeysState { Keys = [Key()] };

        var loading = Reducers.ReduceLoad(state);
        var loaded = Reducers.ReduceLoadSucceeded(loading, new LoadApiKeysSucceededAction([Key(), Key()]));

        loading.IsLoading.ShouldBeTrue();
        loading.Keys.Count.ShouldBe(1);
        loaded.Keys.Count.ShouldBe(2);
        loaded.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void ANewKeyClearsAnEarlierError()
    {
        var state = new ApiKeysState { ErrorMessage = "earlier" };

        var created = Reducers.ReduceCreated(state);

        created.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void ARefusalIsShown()
    {
        var failed = Reducers.ReduceFailed(new ApiKeysState { IsLoading = true }, new ApiKeysFailedAction("no such key"));

        failed.ErrorMessage.ShouldBe("no such key");
        failed.IsLoading.ShouldBeFalse();
    }
}
