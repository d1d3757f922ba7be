using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.AccessKeys;
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
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<OperationLogEntry> OperationLog => Set<OperationLogEntry>();
    public DbSet<OperationLogResource> OperationLogResources => Set<OperationLogResource>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
    }
}
