using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Hosts.Store;

public static class Reducers
{
    [ReducerMethod]
    public static HostsState ReduceLoad(HostsState state, LoadHostsAction action) => action.Quiet ? state : state with { IsLoading = true };

    [ReducerMethod]
    public static HostsState ReduceLoaded(HostsState state, LoadHostsSucceededAction action) => state with
    {
        Items = [.. action.Hosts],
        IsLoading = false,
        ErrorMessage = null,
        Selected = action.Hosts.Any(h => h.Name == state.Selected) ? state.Selected : null,
    };

    [ReducerMethod]
    public static HostsState ReduceFailed(HostsState state, LoadHostsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static HostsState ReduceSelect(HostsState state, SelectHostAction action) => state with { Selected = action.Name };
}
