using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Users.Store;

public static class Reducers
{
    [ReducerMethod(typeof(LoadUsersAction))]
    public static UsersState ReduceLoad(UsersState state) => state with { IsLoading = true };

    [ReducerMethod]
    public static UsersState ReduceLoaded(UsersState state, LoadUsersSucceededAction action) => state with
    {
        Items = [.. action.Users],
        IsLoading = false,
        ErrorMessage = null,
        Selected = action.Users.Any(u => u.Name == state.Selected) ? state.Selected : null,
    };

    [ReducerMethod]
    public static UsersState ReduceFailed(UsersState state, LoadUsersFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static UsersState ReduceSelect(UsersState state, SelectUserAction action) => state with { Selected = action.Name };
}
