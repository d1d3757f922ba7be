using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class HypervisorConfiguration : IEntityTypeConfiguration<Hypervisor>
{
    public void Configure(EntityTypeBuilder<Hypervisor> builder)
    {
        builder.ToTable("Hosts");
        builder.HasKey(h => h.Name);
        builder.Property(h => h.Name).HasMaxLength(Hypervisor.NameLength);
        builder.Property(h => h.Zone).HasMaxLength(32);
        builder.Property(h => h.Underlay).HasMaxLength(Limits.IpLength);
        builder.Property(h => h.TokenHash).HasMaxLength(64);
        builder.Property<int>(ConsoleDbContext.Version).IsConcurrencyToken();
        builder.HasIndex(h => h.Underlay).IsUnique();
        builder.HasIndex(h => h.Zone);
    }
}
