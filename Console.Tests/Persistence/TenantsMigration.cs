using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NicConsole.Tests.Persistence;

public class TenantsMigration
{
    [Fact]
    public async Task RowsFromBeforeTenantsBelongToTheDefaultTenant()
    {
        await using var h = new DomainHarness();
        await using var db = h.Db();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Tenants", StringComparison.Ordinal)).Last();
        await db.GetService<IMigrator>().MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO OperationLog (Time, User, Zone, Action, ResourceIds, Result, Detail) VALUES ('2026-11-28 10:00:00', 'old', 'pek3a', 'CreateVxnets', 'vxnet-aaaaaaa', 'Succeeded', '')");

        await db.Database.MigrateAsync();

        (await db.Database.SqlQueryRaw<string>("SELECT Tenant AS Value FROM OperationLog").ToListAsync()).ShouldBe([OperationContext.DefaultTenant]);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }
}
