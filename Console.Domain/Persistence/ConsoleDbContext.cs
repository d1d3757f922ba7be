using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Domain.Users;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// The console's one database: resources, jobs, the operation log, API keys, the users who sign in (Identity's user
/// tables only: one role per user is a column) and the data-protection key ring every node shares.
/// </summary>
public abstract class ConsoleDbContext(DbContextOptions options) : IdentityUserContext<ConsoleUser>(options), IDataProtectionKeyContext
{
    /// <summary>The shadow concurrency token on the rows a use case reads to decide.</summary>
    public const string Version = nameof(Version);

    public DbSet<Vpc> Vpcs => Set<Vpc>();
    public DbSet<VxNet> VxNets => Set<VxNet>();
    public DbSet<Nic> Nics => Set<Nic>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<Hypervisor> Hosts => Set<Hypervisor>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<OperationLogEntry> OperationLog => Set<OperationLogEntry>();
    public DbSet<OperationLogResource> OperationLogResources => Set<OperationLogResource>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The one tenant whose VPCs, VxNets, NICs, servers, jobs and log entries this context's queries see (vxnet-0 is
    /// everyone's), or null: every tenant, as an Admin and the system (job worker, recovery, demo, bulk data) see them.
    /// Every query passes the filters this sets, so a new query cannot forget it.
    /// </summary>
    public string? Tenant { get; private set; }

    /// <summary>
    /// Limits what this context sees to what <paramref name="context"/>'s caller may see. Call it first, before any
    /// query: the tenant filters belong to the model a context takes when first used.
    /// </summary>
    public ConsoleDbContext ScopeTo(OperationContext context)
    {
        Tenant = context.SeesEveryTenant ? null : context.Tenant;
        if (Tenant is not null && Model.FindEntityType(typeof(Nic))!.GetDeclaredQueryFilters().Count == 0)
        {
            throw new InvalidOperationException("A context is scoped to a tenant before its first use, not after.");
        }
        return this;
    }

    /// <summary>
    /// Marks a row a decision was based on as changed, so that a racing use case that read the same row
    /// fails its concurrency check instead of passing the same limit.
    /// </summary>
    public void Bump(object entity)
    {
        var version = Entry(entity).Property(Version);
        if (!version.IsModified)
        {
            version.CurrentValue = (int)version.CurrentValue! + 1;
        }
    }

    /// <summary>
    /// A read that sees one moment of the database across several statements: on SQLite a deferred transaction (its
    /// snapshot is taken at the first read and blocks no writer), on SQL Server a serializable one (writers in its
    /// ranges wait until it ends). For reads whose parts must agree, such as counts and the last change they include.
    /// </summary>
    public async Task<IDbContextTransaction> BeginConsistentReadAsync(CancellationToken cancellationToken)
    {
        if (!Database.IsSqlite())
        {
            return await Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        }
        await Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        return await Database.UseTransactionAsync(transaction, cancellationToken)
            ?? throw new InvalidOperationException("the read's transaction was not taken");
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(Version) is not null
                && !entry.Property(Version).IsModified)
            {
                var version = entry.Property(Version);
                version.CurrentValue = (int)version.CurrentValue! + 1;
            }
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
        // Two models: one for contexts that see every tenant, without filters (so an Admin's SQL has no tenant
        // predicate at all), and one for contexts scoped to a tenant, whose every query sends a plain Tenant = @p.
        if (Tenant is null)
        {
            return;
        }
        modelBuilder.Entity<Vpc>().HasQueryFilter(v => v.Tenant == Tenant);
        modelBuilder.Entity<VxNet>().HasQueryFilter(x => x.Tenant == Tenant || x.Type == VxNetType.Basic);
        modelBuilder.Entity<Nic>().HasQueryFilter(n => n.Tenant == Tenant);
        modelBuilder.Entity<Instance>().HasQueryFilter(i => i.Tenant == Tenant);
        modelBuilder.Entity<Job>().HasQueryFilter(j => j.Tenant == Tenant);
        modelBuilder.Entity<OperationLogEntry>().HasQueryFilter(o => o.Tenant == Tenant);
    }
}
