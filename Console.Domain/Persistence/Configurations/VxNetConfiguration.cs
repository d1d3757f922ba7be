using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class VxNetConfiguration : IEntityTypeConfiguration<VxNet>
{
    public void Configure(EntityTypeBuilder<VxNet> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasMaxLength(16);
        builder.Property(v => v.Name).HasMaxLength(Limits.NameLength);
        builder.Property(v => v.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(v => v.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Zone).HasMaxLength(32);
        builder.Property(v => v.Tenant).HasMaxLength(Limits.TenantLength).IsRequired();
        builder.Property(v => v.Owner).HasMaxLength(64);
        builder.Property(v => v.VpcId).HasMaxLength(16);
        builder.Property(v => v.Subnet).HasConversion(ValueConverters.Network).HasMaxLength(18);
        builder.Property(v => v.Gateway).HasConversion(ValueConverters.Ip);
        builder.Property(v => v.DynIpStart).HasConversion(ValueConverters.Ip);
        builder.Property(v => v.DynIpEnd).HasConversion(ValueConverters.Ip);
        builder.Property(v => v.Transition).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.JobId).HasMaxLength(16);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasOne<Vpc>().WithMany().HasForeignKey(v => v.VpcId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.VpcId, v.Subnet }).IsUnique();
        builder.HasIndex(v => new { v.Zone, v.CreateTime, v.Id });
        builder.HasIndex(v => new { v.Tenant, v.Zone, v.CreateTime, v.Id });
        builder.HasIndex(v => v.JobId);
        builder.HasIndex(v => v.Vni).IsUnique();
    }
}
