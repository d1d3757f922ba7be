using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Persistence;

public class ProviderSelection
{
    [Fact]
    public async Task SqliteIsTheDefault()
    {
        await using var h = new DomainHarness(new Dictionary<string, string?> { ["Database:Provider"] = null });

        await using var db = h.Db();

        db.ShouldBeOfType<SqliteConsoleDbContext>();
    }

    [Fact]
    public async Task SqlServerIsChosenByConfiguration()
    {
        await using var h = new DomainHarness(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Default"] = "Server=db.example;Database=NicConsole;User Id=nic;Password=x;TrustServerCertificate=True",
        });

        await using var db = h.Db();

        db.ShouldBeOfType<SqlServerConsoleDbContext>();
        db.Database.IsSqlServer().ShouldBeTrue();
    }

    [Fact]
    public async Task AnUnknownProviderIsAClearError()
    {
        await using var h = new DomainHarness(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        Should.Throw<InvalidOperationException>(() => h.Db()).Message.ShouldContain("Oracle");
    }

    [Fact]
    public void BothProvidersMigrationsMatchTheModel()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse();
        sqlServer.Database.HasPendingModelChanges().ShouldBeFalse();
        sqlite.Database.GetMigrations().Count().ShouldBe(sqlServer.Database.GetMigrations().Count());
    }

    [Fact]
    public void TheSqlServerScriptIsGeneratedWithoutAServer()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [Nics]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Nics_VxNetId_PrivateIp]");
        script.ShouldContain("WHERE [InstanceId] IS NOT NULL AND [Sequence] IS NOT NULL");
        script.ShouldContain("nvarchar(17)");
    }
}
