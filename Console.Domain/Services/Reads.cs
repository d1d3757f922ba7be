using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Services;

/// <summary>
/// The base of an aggregate's query class: reads are open to every role, and see only what the caller may see
/// (<see cref="ConsoleDbContext.ScopeTo"/>). Holds the paging and export plumbing every list shares.
/// </summary>
public abstract class Reads(UseCaseServices services)
{
    protected UseCaseServices Services => services;

    protected DateTime Now => services.Now;

    protected DomainError? ZoneRefusal(OperationContext context) => services.ZoneRefusal(context);

    protected Task<ConsoleDbContext> OpenAsync(OperationContext context, CancellationToken cancellationToken) =>
        services.OpenAsync(context, cancellationToken);

    /// <summary>
    /// Every row <paramref name="views"/> selects, in the page's order but without its offset and limit, read
    /// as the caller enumerates them (an export of a large list never sits in memory whole).
    /// </summary>
    protected Result<IAsyncEnumerable<T>> Export<T>(OperationContext context, PageRequest page, Sorting<T> sorting, Func<ConsoleDbContext, IQueryable<T>> views)
        where T : class
    {
        if ((page.Refusal() ?? sorting.Refusal(page)) is { } refusal)
        {
            return refusal;
        }
        return Result<IAsyncEnumerable<T>>.Success(Read());

        async IAsyncEnumerable<T> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var db = await OpenAsync(context, cancellationToken);
            await foreach (var item in sorting.Apply(views(db).AsNoTracking(), page).Value.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// One sorted page of <paramref name="query"/>, with the number of matches counted on
    /// <paramref name="matches"/> (the filtered rows without the joins that only add names) when given.
    /// </summary>
    protected static async Task<Result<Page<T>>> PageAsync<T>(IQueryable<T> query, PageRequest page, Sorting<T> sorting, CancellationToken cancellationToken, IQueryable<object>? matches = null)
    {
        if (page.Refusal() is { } refusal)
        {
            return refusal;
        }
        var sorted = sorting.Apply(query, page);
        if (!sorted.Succeeded)
        {
            return sorted.Error!;
        }
        var total = matches is null ? await query.CountAsync(cancellationToken) : await matches.CountAsync(cancellationToken);
        var items = total == 0 ? [] : await sorted.Value.Skip(page.Offset).Take(page.EffectiveLimit).ToListAsync(cancellationToken);
        return new Page<T>(items, total);
    }

    /// <summary>A list query's page, on a read of its own, from the rows <paramref name="select"/> selects and the rows to count them on.</summary>
    protected async Task<Result<Page<T>>> PageAsync<T>(OperationContext context, PageRequest page, Sorting<T> sorting,
        Func<ConsoleDbContext, (IQueryable<T> Views, IQueryable<object> Matches)> select, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = select(db);
        return await PageAsync(views, page, sorting, cancellationToken, matches);
    }
}
