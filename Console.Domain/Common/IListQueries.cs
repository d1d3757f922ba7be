namespace NicConsole.Domain.Common;

/// <summary>A list of one aggregate as an operator may see it: one page of a query, or every row it selects.</summary>
public interface IListQueries<TQuery, TItem>
{
    Task<Result<Page<TItem>>> QueryAsync(OperationContext context, TQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    Result<IAsyncEnumerable<TItem>> Export(OperationContext context, TQuery query);
}
