using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.ApiKeys.Store;

public static class Reducers
{
    [ReducerMethod(typeof(LoadApiKeysAction))]
    public static ApiKeysState ReduceLoad(ApiKeysState state) => state with { IsLoading = true };

    [ReducerMethod]
    public static ApiKeysState ReduceLoadSucceeded(ApiKeysState state, LoadApiKeysSucceededAction action) =>
        state with { Keys = [.. action.Keys], IsLoading = false };

    [ReducerMethod(typeof(ApiKeyCreatedAction))]
    public static ApiKeysState ReduceCreated(ApiKeysState state) => state with { ErrorMessage = null };

    [ReducerMethod(typeof(ApiKeyRevokedAction))]
    public static ApiKeysState ReduceRevoked(ApiKeysState state) => state with { ErrorMessage = null };

    [ReducerMethod]
    public static ApiKeysState ReduceFailed(ApiKeysState state, ApiKeysFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };
}
