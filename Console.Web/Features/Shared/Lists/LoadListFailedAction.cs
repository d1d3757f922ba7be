namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>The read failed; the page shown stays, with <paramref name="Error"/> (in the operator's language) above it.</summary>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record LoadListFailedAction<TQuery>(string Error) : ListAction<TQuery>;
