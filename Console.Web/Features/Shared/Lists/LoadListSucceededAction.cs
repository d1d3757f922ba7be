namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>The page <paramref name="Query"/> read; shown only while it is still the list's query.</summary>
/// <typeparam name="TItem">A row of the list.</typeparam>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record LoadListSucceededAction<TItem, TQuery>(TQuery Query, Page<TItem> Page) : ListAction<TQuery>;
