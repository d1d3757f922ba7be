using System.Collections.Immutable;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

public static class Reducers
{
    [ReducerMethod]
    public static NicsState ReduceLoad(NicsState state, LoadNicsAction action) =>
        state with { Query = action.Query, IsLoading = true };

    [ReducerMethod]
    public static NicsState ReduceLoadSucceeded(NicsState state, LoadNicsSucceededAction action)
    {
        if (action.Query != state.Query)
        {
            return state;
        }
        var items = action.Page.Items.ToImmutableList();
        return state with
        {
            Items = items,
            TotalCount = action.Page.TotalCount,
            IsLoading = false,
            ErrorMessage = null,
            Selected = state.Selected.Intersect(items.Select(n => n.Id)),
        };
    }

    [ReducerMethod]
    public static NicsState ReduceLoadFailed(NicsState state, LoadNicsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static NicsState ReduceSelect(NicsState state, SelectNicsAction action) =>
        state with { Selected = [.. action.NicIds] };
}
