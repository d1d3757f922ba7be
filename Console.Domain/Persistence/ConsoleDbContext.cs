using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence;

public abstract class ConsoleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The shadow concurrency token on the rows a use case reads to decide.</summary>
    public const string Version = nameof(Version);

    public DbSet<Vpc> Vpcs => Set<Vpc>();
    public DbSet<VxNet> VxNets => Set<VxNet>();
    public DbSet<Nic> Nics => Set<Nic>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<OperationLogEntry> OperationLog => Set<OperationLogEntry>();
    public DbSet<OperationLogResource> OperationLogResources => Set<OperationLogResource>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    /// <summary>
    /// The one tenant whose VPCs, VxNets, NICs, servers, jobs and log entries this context's queries see (vxnet-0 is
    /// everyone's), or null: every tenant, as an Admin and the system (job worker, recovery, demo, bulk data) see them.
    /// Every query passes the filters this sets, so a new query cannot forget it.
    /// </summary>
    public string? Tenant { get; private set; }

    /// <summary>Limits what this context sees to what <paramref name="context"/>'s caller may see.</summary>
    public ConsoleDbContext ScopeTo(OperationContext context)
    {
        Tenant = context.SeesEveryTenant ? null : context.Tenant;
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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
        // With Tenant null EF Core drops the whole predicate (it knows the parameter's value when it builds the SQL);
        // with a tenant it sends a plain Tenant = @p.
        modelBuilder.Entity<Vpc>().HasQueryFilter(v => Tenant == null || v.Tenant == Tenant);
        modelBuilder.Entity<VxNet>().HasQueryFilter(x => Tenant == null || x.Tenant == Tenant || x.Type == VxNetType.Basic);
        modelBuilder.Entity<Nic>().HasQueryFilter(n => Tenant == null || n.Tenant == Tenant);
        modelBuilder.Entity<Instance>().HasQueryFilter(i => Tenant == null || i.Tenant == Tenant);
        modelBuilder.Entity<Job>().HasQueryFilter(j => Tenant == null || j.Tenant == Tenant);
        modelBuilder.Entity<OperationLogEntry>().HasQueryFilter(o => Tenant == null || o.Tenant == Tenant);
    }
}
