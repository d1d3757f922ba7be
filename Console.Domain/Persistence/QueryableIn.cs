using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// "Key is one of these values", written so that EF Core can reuse the SQL it made the last time.
/// </summary>
/// <remarks>
/// EF Core 10 sends <c>ids.Contains(x.Id)</c> as one SQL parameter per value (<c>IN (@ids1, @ids2)</c>); that SQL
/// depends on how many values there are, so EF does not cache it and builds the SQL text again on every call, under a
/// lock shared by every caller of the same query (measured: a third of DescribeNics' CPU with 8 clients). Here one
/// value is an equality on one parameter, and several are one parameter holding them all
/// (<see cref="EF.Parameter{T}"/>: <c>json_each</c> on SQLite, <c>OPENJSON</c> on SQL Server); both are the same SQL
/// whatever the values, so EF caches them like any other query.
/// </remarks>
public static class QueryableIn
{
    /// <summary>The rows whose <paramref name="key"/> is one of <paramref name="values"/> (none when it is empty).</summary>
    public static IQueryable<T> WhereIn<T, TValue>(this IQueryable<T> source, Expression<Func<T, TValue>> key, IReadOnlyCollection<TValue> values)
    {
        Expression test = values.Count == 1
            ? Expression.Equal(key.Body, Expression.Property(Expression.Constant(new Holder<TValue>(values.First())), Of<TValue>.One))
            : Expression.Call(Of<TValue>.Contains,
                Expression.Call(Of<TValue>.Parameter, Expression.Property(Expression.Constant(new Holder<TValue[]>(values.ToArray())), Of<TValue>.Many)),
                key.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(test, key.Parameters));
    }

    /// <summary>A value read from an object, which EF Core sends as a parameter rather than writing it into the SQL.</summary>
    private sealed record Holder<TValue>(TValue Value);

    /// <summary>The members the predicates use, looked up once per value type (a query is built on every call).</summary>
    private static class Of<TValue>
    {
        public static readonly PropertyInfo One = typeof(Holder<TValue>).GetProperty(nameof(Holder<TValue>.Value))!;
        public static readonly PropertyInfo Many = typeof(Holder<TValue[]>).GetProperty(nameof(Holder<TValue[]>.Value))!;
        public static readonly MethodInfo Parameter = typeof(EF).GetMethod(nameof(EF.Parameter))!.MakeGenericMethod(typeof(TValue[]));
        public static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(TValue));
    }
}
