using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain;

/// <summary>
/// What the tenant filter costs in SQL: a tenant's NIC list adds one plain <c>Tenant = @p</c> predicate, an Admin's
/// none at all (EF Core drops the filter when the tenant parameter is null).
/// </summary>
public class UseCaseTenantSql : IAsyncLifetime
{
    private static readonly Regex PlainTenantPredicate = new(@"WHERE ""n""\.""Tenant"" = @\w+ AND ""n""\.""Zone"" = @\w+ AND", RegexOptions.Compiled);

    private DomainHarness _h = null!;
    private TenantResources _a = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _a = await TenantScene.BuildAsync(_h, "a");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ATenantsNicListSendsOnePlainTenantPredicate()
    {
        var commands = await NicListSqlAsync(TenantScene.As(_a.Tenant, Role.Viewer));

        commands.Count.ShouldBe(2, string.Join("\n\n", commands));
        commands.ShouldAllBe(sql => PlainTenantPredicate.Matches(sql).Count == 1, string.Join("\n\n", commands));
        commands[0].ShouldNotContain(" OR ");
    }

    [Fact]
    public async Task AnAdminsNicListSendsNoTenantPredicate()
    {
        var commands = await NicListSqlAsync(TenantScene.As("ops", Role.Admin));

        commands.Count.ShouldBe(2, string.Join("\n\n", commands));
        commands.ShouldAllBe(sql => !sql.Contains("Tenant", StringComparison.Ordinal) && !sql.Contains("ef_filter", StringComparison.Ordinal),
            string.Join("\n\n", commands));
    }

    [Fact]
    public async Task AContextUsedBeforeItIsScopedRefusesToBeScoped()
    {
        await using var db = _h.Db();
        await db.Nics.CountAsync();

        Should.Throw<InvalidOperationException>(() => db.ScopeTo(TenantScene.As(_a.Tenant, Role.Operator)));
    }

    /// <summary>The SQL of one NIC page as the console's list asks it: one VxNet, in use, by address (count, then page).</summary>
    private async Task<IReadOnlyList<string>> NicListSqlAsync(OperationContext caller)
    {
        using var sql = new SqlCapture(_h.DatabasePath);
        var page = (await _h.Get<NicQueries>().QueryAsync(caller, new NicQuery
        {
            VxNetIds = [_a.VxNet],
            Statuses = [NicStatus.InUse],
            Page = new PageRequest(SortBy: "private_ip"),
        })).Ok();
        page.Items.Select(n => n.Id).ShouldBe([_a.AttachedNic]);
        return sql.Commands;
    }
}
