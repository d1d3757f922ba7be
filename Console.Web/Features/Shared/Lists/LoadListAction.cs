namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>Read the page of <paramref name="Query"/>; the list shows it as loading meanwhile.</summary>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record LoadListAction<TQuery>(TQuery Query) : ListAction<TQuery>
{
    /// <summary>
    /// A read again of the query shown that the operator did not ask for (a change committed elsewhere): the rows stay
    /// as they are, with no loading bar, until the new ones come, so the page renders once for it instead of twice.
    /// </summary>
    public bool Quiet { get; init; }
}
