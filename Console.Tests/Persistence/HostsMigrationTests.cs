using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Persistence;

public class HostsMigrationTests
{
    [Fact]
    public async Task ServersFromBeforeHostsMoveOntoTheLocalHostInTheirZone()
    {
        await using var h = new DomainHarness();
        await using (var db = h.Db())
        {
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Hosts", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var id in new[] { "i-old00001", "i-old00002" })
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO Instances (Id, Name, Description, ImageId, InstanceType, Cpu, Memory, Zone, Owner, Tenant, Status, Transition, CreateTime, StatusTime, Version) VALUES ({id}, 'old', '', '', '', 1, 1024, 'sh1a', 'old', 'default', 'Running', 'None', '2026-11-28 10:00:00', '2026-11-28 10:00:00', 0)");
            }
        }

        // What a start does: migrate, then register a host only where none exists.
        await h.InitializeAsync();

        await using var after = h.Db();
        var hosts = await after.Hosts.AsNoTracking().ToListAsync();
        hosts.Select(x => (x.Name, x.Zone, x.Status, x.TokenHash)).ShouldBe([(Hypervisor.DefaultName, "sh1a", HostStatus.Ready, "")]);
        (await after.Instances.AsNoTracking().Select(i => i.HostId).ToListAsync()).ShouldBe([Hypervisor.DefaultName, Hypervisor.DefaultName]);
    }

    [Fact]
    public async Task AnEmptyDatabaseGetsTheLocalHostInTheDefaultZoneOnce()
    {
        await using var h = await DomainHarness.StartAsync();
        await h.InitializeAsync();

        await using var db = h.Db();
        (await db.Hosts.AsNoTracking().Select(x => new { x.Name, x.Zone, x.Online }).ToListAsync())
            .Select(x => (x.Name, x.Zone, x.Online)).ShouldBe([(Hypervisor.DefaultName, DomainHarness.Zone, true)]);
    }
}
