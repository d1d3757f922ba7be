using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Common;
using NicConsole.Domain.Users;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class ConsoleUserConfiguration : IEntityTypeConfiguration<ConsoleUser>
{
    public void Configure(EntityTypeBuilder<ConsoleUser> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.UserName).HasMaxLength(Limits.NameLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(Limits.NameLength);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Tenant).HasMaxLength(ConsoleUser.TenantLength);
        // Every API call finds its key's user by the name the key keeps (Identity's own index is on the normalized name).
        builder.HasIndex(u => u.UserName).IsUnique();
    }
}
