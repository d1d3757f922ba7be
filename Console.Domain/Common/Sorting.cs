using System.Linq.Expressions;

namespace NicConsole.Domain.Common;

/// <summary>Applies a named sort from a list's whitelist, then its id, so that paging is stable.</summary>
public sealed class Sorting<T>(Expression<Func<T, object?>> id, Expression<Func<T, object?>> created)
{
    private readonly Dictionary<string, Expression<Func<T, object?>>> _keys = new(StringComparer.OrdinalIgnoreCase);

    public Sorting<T> By(string name, Expression<Func<T, object?>> key)
    {
        _keys[name] = key;
        return this;
    }

    public IEnumerable<string> Names => _keys.Keys;

    /// <summary>Why <paramref name="page"/> cannot be sorted: a sort key this list does not have.</summary>
    public DomainError? Refusal(PageRequest page) =>
        string.IsNullOrEmpty(page.SortBy) || _keys.ContainsKey(page.SortBy) ? null : DomainErrors.InvalidSort(page.SortBy);

    public Result<IQueryable<T>> Apply(IQueryable<T> query, PageRequest page)
    {
        if (string.IsNullOrEmpty(page.SortBy))
        {
            return Result<IQueryable<T>>.Success(query.OrderByDescending(created).ThenByDescending(id));
        }
        if (Refusal(page) is { } refusal)
        {
            return refusal;
        }
        var key = _keys[page.SortBy];
        // The id breaks ties in the same direction, so that one index (…, key, id) can serve the whole order.
        var ordered = page.Descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);
        return Result<IQueryable<T>>.Success(ordered);
    }
}
