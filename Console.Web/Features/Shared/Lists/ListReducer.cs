using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>
/// The reducers of every list, written once; a list closes it with a one-line sealed subclass in its <c>Store/</c>.
/// A page read for an older query is dropped, so the page shown always belongs to the latest query.
/// </summary>
/// <typeparam name="TState">The list's state.</typeparam>
/// <typeparam name="TItem">A row of the list.</typeparam>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract class ListReducer<TState, TItem, TQuery> : Reducer<TState, ListAction<TQuery>>
    where TState : ListState<TItem, TQuery>
    where TQuery : class
{
    /// <inheritdoc />
    public override TState Reduce(TState state, ListAction<TQuery> action) => action switch
    {
        LoadListAction<TQuery> { Quiet: true } load when Equals(load.Query, state.Query) => state,
        LoadListAction<TQuery> load => (TState)(state with { Query = load.Query, IsLoading = true }),
        LoadListSucceededAction<TItem, TQuery> loaded when !Equals(loaded.Query, state.Query) => state,
        LoadListSucceededAction<TItem, TQuery> loaded => (TState)(state with
        {
            Items = [.. loaded.Page.Items],
            TotalCount = loaded.Page.TotalCount,
            IsLoading = false,
            ErrorMessage = null,
            Selected = state.Selected.Intersect(loaded.Page.Items.Select(state.IdOf)),
        }),
        LoadListFailedAction<TQuery> failed => (TState)(state with { IsLoading = false, ErrorMessage = failed.Error }),
        SelectListAction<TQuery> select => (TState)(state with { Selected = [.. select.Ids] }),
        _ => state,
    };
}
