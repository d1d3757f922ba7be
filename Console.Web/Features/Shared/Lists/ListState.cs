using System.Collections.Immutable;

namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>
/// One page of a list as the operator sees it, the query that produced it, and the selection. Each list's state is a
/// sealed <c>[FeatureState]</c> record deriving from this one, with its parameterless constructor and its item's id.
/// </summary>
/// <typeparam name="TItem">A row of the list.</typeparam>
/// <typeparam name="TQuery">The domain query that reads a page of it; each list has its own query type.</typeparam>
public abstract record ListState<TItem, TQuery>
    where TQuery : class
{
    /// <summary>Starts the list empty, on <paramref name="query"/>.</summary>
    protected ListState(TQuery query) => Query = query;

    /// <summary>The query of the page shown, or of the page being read.</summary>
    public TQuery Query { get; init; }

    /// <summary>The rows of the page shown.</summary>
    public ImmutableList<TItem> Items { get; init; } = [];

    /// <summary>How many rows match the query, on every page.</summary>
    public int TotalCount { get; init; }

    /// <summary>Whether a read of <see cref="Query"/> is on its way.</summary>
    public bool IsLoading { get; init; }

    /// <summary>Why the last read failed, in the operator's language; null once a read succeeds.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The ids of the selected rows; only rows of the page shown stay selected.</summary>
    public ImmutableHashSet<string> Selected { get; init; } = [];

    /// <summary>The selected rows, in the page's order.</summary>
    public IReadOnlyList<TItem> SelectedItems => Items.Where(i => Selected.Contains(IdOf(i))).ToList();

    /// <summary>The id that selects <paramref name="item"/>.</summary>
    public abstract string IdOf(TItem item);
}
