using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class OperationLogEntryConfiguration : IEntityTypeConfiguration<OperationLogEntry>
{
    public void Configure(EntityTypeBuilder<OperationLogEntry> builder)
    {
        builder.ToTable("OperationLog");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.User).HasMaxLength(64);
        builder.Property(o => o.Zone).HasMaxLength(32);
        builder.Property(o => o.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(o => o.Action).HasMaxLength(32);
        builder.Property(o => o.ResourceIds).HasMaxLength(4000);
        builder.Property(o => o.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Detail).HasMaxLength(1024);
        builder.Property(o => o.JobId).HasMaxLength(16);
        builder.HasIndex(o => new { o.Zone, o.Time });
        builder.HasIndex(o => new { o.Tenant, o.Zone, o.Time });
        builder.Navigation(o => o.ResourceIndex).HasField("_resourceIndex");
    }
}
