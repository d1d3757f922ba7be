using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Instances;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(16);
        builder.Property(i => i.Name).HasMaxLength(Limits.NameLength);
        builder.Property(i => i.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(i => i.ImageId).HasMaxLength(64);
        builder.Property(i => i.InstanceType).HasMaxLength(32);
        builder.Property(i => i.Zone).HasMaxLength(32);
        builder.Property(i => i.HostId).HasMaxLength(Hypervisor.NameLength);
        builder.Property(i => i.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(i => i.Owner).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Transition).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.JobId).HasMaxLength(16);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Zone, i.CreateTime, i.Id });
        builder.HasIndex(i => new { i.Tenant, i.Zone, i.CreateTime, i.Id });
        builder.HasIndex(i => i.JobId);
        builder.HasIndex(i => new { i.HostId, i.Status });
    }
}
