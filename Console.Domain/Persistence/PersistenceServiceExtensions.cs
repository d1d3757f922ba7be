using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NicConsole.Domain.Telemetry;

namespace NicConsole.Domain.Persistence;

public static class PersistenceServiceExtensions
{
    public const string DefaultSqlite = "Data Source=data/nicconsole.db";

    /// <summary>
    /// Registers both providers' context factories and serves the one <c>Database:Provider</c> names
    /// (<c>Sqlite</c> by default, or <c>SqlServer</c>) as <see cref="IDbContextFactory{ConsoleDbContext}"/>.
    /// The provider is read when first asked for, so test overrides apply. EF's pooled registration is what registers
    /// each provider's options; <see cref="ConsoleDbContextFactory{T}"/> keeps its own two pools of them.
    /// </summary>
    public static IServiceCollection AddConsolePersistence(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<SqliteConsoleDbContext>((sp, o) =>
            o.UseSqlite(SqliteConnectionString(sp)).AddInterceptors(new SqliteBusyTimeout(), DatabaseSpans.Instance).WithTenantModels());
        services.AddPooledDbContextFactory<SqlServerConsoleDbContext>((sp, o) =>
            o.UseSqlServer(ConnectionString(sp) ?? throw new InvalidOperationException("ConnectionStrings:Default is required for SQL Server."))
                .AddInterceptors(DatabaseSpans.Instance).WithTenantModels());
        services.AddSingleton<IDbContextFactory<ConsoleDbContext>>(sp => Provider(sp) switch
        {
            "sqlite" => new ConsoleDbContextFactory<SqliteConsoleDbContext>(sp.GetRequiredService<DbContextOptions<SqliteConsoleDbContext>>()),
            "sqlserver" => new ConsoleDbContextFactory<SqlServerConsoleDbContext>(sp.GetRequiredService<DbContextOptions<SqlServerConsoleDbContext>>()),
            var provider => throw new InvalidOperationException($"Unknown Database:Provider '{provider}': use Sqlite or SqlServer."),
        });
        return services;
    }

    private static string Provider(IServiceProvider sp) =>
        (sp.GetRequiredService<IConfiguration>()["Database:Provider"] ?? "sqlite").ToLowerInvariant();

    private static string? ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString("Default");

    /// <summary>A relative SQLite file lives under the app's content root, not wherever the process was started.</summary>
    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString(sp) ?? DefaultSqlite);
        var root = sp.GetService<IHostEnvironment>()?.ContentRootPath;
        if (root is not null && builder.DataSource is { Length: > 0 } path && path != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(path))
        {
            builder.DataSource = Path.Combine(root, path);
        }
        return builder.ToString();
    }
}
