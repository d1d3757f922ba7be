using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class NicConfiguration : IEntityTypeConfiguration<Nic>
{
    public void Configure(EntityTypeBuilder<Nic> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(17);
        builder.Property(n => n.Name).HasMaxLength(Limits.NameLength);
        builder.Property(n => n.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(n => n.VxNetId).HasMaxLength(16);
        builder.Property(n => n.PrivateIp).HasConversion(ValueConverters.Ip);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Transition).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.InstanceId).HasMaxLength(16);
        builder.Property(n => n.Zone).HasMaxLength(32);
        builder.Property(n => n.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(n => n.Owner).HasMaxLength(64);
        builder.Property(n => n.JobId).HasMaxLength(16);
        builder.Property(n => n.LastError).HasMaxLength(512);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasOne<VxNet>().WithMany().HasForeignKey(n => n.VxNetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instance>().WithMany().HasForeignKey(n => n.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.VxNetId, n.PrivateIp }).IsUnique();
        builder.HasIndex(n => new { n.InstanceId, n.Sequence }).IsUnique();
        builder.HasIndex(n => new { n.Zone, n.CreateTime, n.Id });
        // A tenant's NICs newest first, and their count, without walking other tenants' (an Admin uses the zone's).
        builder.HasIndex(n => new { n.Tenant, n.Zone, n.CreateTime, n.Id });
        // One VxNet's NICs newest first (DescribeNics with vxnets.1, the list filtered by VxNet) without walking the zone.
        builder.HasIndex(n => new { n.VxNetId, n.CreateTime, n.Id });
        builder.HasIndex(n => new { n.Zone, n.Status, n.CreateTime, n.Id });
        builder.HasIndex(n => new { n.Tenant, n.Zone, n.Status, n.CreateTime, n.Id });
        // One VxNet's NICs in one status, by address: counts them and pages them in order without walking the zone.
        builder.HasIndex(n => new { n.VxNetId, n.Status, n.Zone, n.PrivateIp, n.Id });
        builder.HasIndex(n => n.JobId);
        builder.HasIndex(n => new { n.Zone, n.Status, n.Transition });
    }
}
