namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>The operator selected these rows (by id), and only these.</summary>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record SelectListAction<TQuery>(IReadOnlyCollection<string> Ids) : ListAction<TQuery>;
