using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(16);
        builder.Property(j => j.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.ResourceIds).HasMaxLength(4000);
        builder.Property(j => j.Directive).HasMaxLength(8000);
        builder.Property(j => j.Work).IsRequired();
        builder.Property(j => j.Zone).HasMaxLength(32);
        builder.Property(j => j.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(j => j.Owner).HasMaxLength(64);
        builder.Property(j => j.Error).HasMaxLength(1024);
        builder.Property(j => j.Node).HasMaxLength(128);
        builder.Property(j => j.TraceParent).HasMaxLength(Telemetry.ConsoleTelemetry.TraceParentLength);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasIndex(j => new { j.Status, j.CreateTime });
        builder.HasIndex(j => new { j.Zone, j.CreateTime, j.Id });
        builder.HasIndex(j => new { j.Tenant, j.Zone, j.CreateTime, j.Id });
        builder.HasIndex(j => new { j.Zone, j.Status, j.StatusTime });
    }
}
