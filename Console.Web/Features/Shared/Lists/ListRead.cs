using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>
/// The load effect of every list, written once: one read at a time through <see cref="LatestRead"/> (a newer load
/// replaces one that waits), its outcome through <see cref="CommandRunner"/> (a refusal or an unexpected exception
/// becomes the failed action). The read is the aggregate's <see cref="IListQueries{TQuery, TItem}"/>; a list closes the
/// effect with a small subclass in its <c>Store/</c> that names its outcome actions.
/// </summary>
/// <typeparam name="TItem">A row of the list.</typeparam>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract class ListRead<TItem, TQuery>(IListQueries<TQuery, TItem> queries, CurrentOperator @operator, CommandRunner commands)
    : Effect<LoadListAction<TQuery>>
{
    private readonly LatestRead _list = new();

    /// <inheritdoc />
    public override Task HandleAsync(LoadListAction<TQuery> action, IDispatcher dispatcher) =>
        _list.RunAsync(() => commands.RunAsync(dispatcher, () => queries.QueryAsync(@operator.Context, action.Query),
            page => Succeeded(action.Query, page), Failed));

    /// <summary>The list's action for a page read.</summary>
    protected abstract LoadListSucceededAction<TItem, TQuery> Succeeded(TQuery query, Page<TItem> page);

    /// <summary>The list's action for a failed read, with the reason in the operator's language.</summary>
    protected abstract LoadListFailedAction<TQuery> Failed(string error);
}
