using System.Reflection;
using NicConsole.Domain;

namespace NicConsole.Tests.Support;

/// <summary>
/// Every way into the domain, found by reflection: each use case by its name, each read as
/// <c>&lt;Queries class&gt;.&lt;method&gt;</c>; a matrix test keyed the same way fails when a new one has no row.
/// </summary>
public static class UseCaseEntries
{
    public static IReadOnlyList<string> All { get; } = DomainServiceExtensions.UseCasesAndQueries
        .SelectMany(t => t.IsSubclassOf(typeof(UseCase))
            ? [t.Name]
            : t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => $"{t.Name}.{m.Name}"))
        .ToList();

    public static string Of<TQueries>(string method) where TQueries : Reads => $"{typeof(TQueries).Name}.{method}";
}
