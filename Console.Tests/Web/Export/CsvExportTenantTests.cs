using System.Net;
using Microsoft.AspNetCore.Routing;
using NicConsole.Tests.Web.Api;

namespace NicConsole.Tests.Web.Export;

/// <summary>
/// Tenant isolation through the console's CSV downloads (every <c>/export/*.csv</c> route the app maps): a signed-in
/// user of tenant A gets A's rows and none of B's, an Admin gets both, and nobody signed out gets a file.
/// </summary>
public sealed class CsvExportTenantTests(TwoTenantsApi app) : IClassFixture<TwoTenantsApi>
{
    /// <summary>For each list, which of a tenant's ids its file must hold (so an empty file cannot pass).</summary>
    private static readonly Dictionary<string, Func<TenantResources, string[]>> Shows = new()
    {
        ["vpcs"] = t => [t.Vpc],
        ["vxnets"] = t => [t.VxNet, t.FreeVxNet],
        ["nics"] = t => [t.PrimaryNic, t.FreeNic, t.AttachedNic],
        ["instances"] = t => [t.Server],
        ["jobs"] = t => [t.Job],
        ["operations"] = t => [t.Vpc, t.VxNet, t.FreeNic, t.AttachedNic, t.Server, t.Job],
    };

    public static TheoryData<Role> TenantRoles => new(Role.Operator, Role.Viewer);

    [Fact]
    public void EveryExportHasARow() => Lists().ShouldBe(Shows.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TenantRoles))]
    public async Task ATenantsFilesHoldItsRowsAndNoneOfAnotherTenants(Role role)
    {
        var client = await app.SignedInClientAsync($"csv-{role}".ToLowerInvariant(), role, app.A.Tenant);
        var wrong = new List<string>();

        foreach (var list in Lists())
        {
            var response = await client.GetAsync($"export/{list}.csv");
            var text = await response.Content.ReadAsStringAsync();

            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"{list}: {response.StatusCode}");
                continue;
            }
            wrong.AddRange(app.B.Ids.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)).Select(id => $"{list}: holds B's {id}"));
            wrong.AddRange(Shows[list](app.A).Where(id => !text.Contains(id, StringComparison.Ordinal)).Select(id => $"{list}: misses A's {id}"));
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAdminsFilesHoldBothTenants()
    {
        var client = await app.SignedInClientAsync("csv-admin", Role.Admin, "ops");

        foreach (var list in Lists())
        {
            var text = await client.GetStringAsync($"export/{list}.csv");

            Shows[list](app.A).Concat(Shows[list](app.B)).ShouldAllBe(id => text.Contains(id), list);
        }
    }

    [Fact]
    public async Task NobodySignedOutGetsAnyFile()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var list in Lists())
        {
            var response = await client.GetAsync($"export/{list}.csv");

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, list);
            response.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=", Case.Sensitive, list);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(app.A.Vpc);
        }
    }

    /// <summary>The lists the app exports, from its routes, so a new export without a row here fails.</summary>
    private List<string> Lists() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(r => r.StartsWith("/export/", StringComparison.Ordinal) && r.EndsWith(".csv", StringComparison.Ordinal))
            .Select(r => r["/export/".Length..^".csv".Length])
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
