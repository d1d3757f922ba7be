using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using NicConsole.Tests.Web.Api;

namespace NicConsole.Tests.Web.Export;

/// <summary>
/// Tenant isolation through the console's pages as plain HTTP (what the server prerenders, every <c>@page</c> route):
/// signed in as tenant A, no page's HTML names B's resources, and the server page of B's server is the same page as
/// that of a server that does not exist.
/// </summary>
public sealed partial class ConsolePagesTenantTests(TwoTenantsApi app) : IClassFixture<TwoTenantsApi>
{
    /// <summary>What a route parameter is filled with: one of tenant B's ids of the right kind.</summary>
    private static readonly Dictionary<string, Func<TenantResources, string>> Parameters = new()
    {
        ["{InstanceId}"] = b => b.Server,
    };

    public static TheoryData<Role> TenantRoles => new(Role.Operator, Role.Viewer);

    [Theory]
    [MemberData(nameof(TenantRoles))]
    public async Task NoPageNamesAnotherTenantsResources(Role role)
    {
        var client = await app.SignedInClientAsync($"pages-{role}".ToLowerInvariant(), role, app.A.Tenant);
        var wrong = new List<string>();

        foreach (var route in Routes())
        {
            var url = Parameters.Aggregate(route, (u, p) => u.Replace(p.Key, p.Value(app.B), StringComparison.OrdinalIgnoreCase));
            if (url.Contains('{'))
            {
                wrong.Add($"{route}: no value for its parameter");
                continue;
            }
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();

            if ((int)response.StatusCode >= 500)
            {
                wrong.Add($"{url}: {response.StatusCode}");
            }
            wrong.AddRange(app.B.Ids.Where(id => !url.Contains(id, StringComparison.Ordinal) && html.Contains(id, StringComparison.OrdinalIgnoreCase))
                .Select(id => $"{url}: names B's {id}"));
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherTenantsServerPageIsTheMissingServersPage()
    {
        var client = await app.SignedInClientAsync("pages-olga", Role.Operator, app.A.Tenant);
        const string missing = "i-zzzzzzzz";

        var foreign = await client.GetAsync($"/instances/{app.B.Server}");
        var absent = await client.GetAsync($"/instances/{missing}");

        foreign.StatusCode.ShouldBe(absent.StatusCode);
        Comparable(await foreign.Content.ReadAsStringAsync(), app.B.Server).ShouldBe(Comparable(await absent.Content.ReadAsStringAsync(), missing));
    }

    /// <summary>Every page route of the console.</summary>
    private static List<string> Routes() =>
        typeof(NicConsole.Web.Operators.CurrentOperator).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A page's HTML without what differs on every request (Blazor's markers, element ids, tokens), the asked id as ID.</summary>
    private static string Comparable(string html, string id) =>
        Volatile().Replace(html, "").Replace(id, "ID", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<!--Blazor[^>]*-->|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex Volatile();
}
