using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NicConsole.Tests.Persistence;

public class OperationLogResourceIndex
{
    [Fact]
    public async Task EveryEntryIsIndexedByEachResourceItNames()
    {
        await using var h = await DomainHarness.StartAsync();
        var vxnet = await h.CreateJoinedVxNetAsync();
        var nics = await h.RequestNicsAsync(vxnet, 2);

        await using var db = h.Db();
        var entry = await db.OperationLog.Include(o => o.ResourceIndex).SingleAsync(o => o.Action == "CreateNics");

        entry.ResourceIndex.Select(r => r.ResourceId).ShouldBe([vxnet, .. nics], ignoreOrder: true);
    }

    [Fact]
    public async Task TheMigrationIndexesEntriesWrittenBeforeIt()
    {
        await using var h = new DomainHarness();
        await using (var db = h.Db())
        {
            await db.GetService<IMigrator>().MigrateAsync("ListIndexesWithId");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO OperationLog (Time, User, Zone, Action, ResourceIds, Result, Detail) VALUES ('2026-01-01 00:00:00', 'old', 'pek3a', 'AttachNics', '52:54:aa:bb:cc:dd i-abcdefgh', 'Succeeded', '')");
        }

        await using (var db = h.Db())
        {
            await db.Database.MigrateAsync();
            var indexed = await db.OperationLogResources.Select(r => r.ResourceId).ToListAsync();

            indexed.ShouldBe(["52:54:aa:bb:cc:dd", "i-abcdefgh"], ignoreOrder: true);
        }
    }
}
