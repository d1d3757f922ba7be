namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>Read the page of <paramref name="Query"/>; the list shows it as loading meanwhile.</summary>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record LoadListAction<TQuery>(TQuery Query) : ListAction<TQuery>;
