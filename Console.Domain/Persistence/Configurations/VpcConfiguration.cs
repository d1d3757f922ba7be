using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Vpcs;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class VpcConfiguration : IEntityTypeConfiguration<Vpc>
{
    public void Configure(EntityTypeBuilder<Vpc> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasMaxLength(16);
        builder.Property(v => v.Name).HasMaxLength(Limits.NameLength);
        builder.Property(v => v.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(v => v.Network).HasConversion(ValueConverters.Network).HasMaxLength(18);
        builder.Property(v => v.Zone).HasMaxLength(32);
        builder.Property(v => v.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(v => v.Owner).HasMaxLength(64);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Transition).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.JobId).HasMaxLength(16);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.Zone, v.CreateTime, v.Id });
        builder.HasIndex(v => new { v.Tenant, v.Zone, v.CreateTime, v.Id });
        builder.HasIndex(v => v.JobId);
    }
}
