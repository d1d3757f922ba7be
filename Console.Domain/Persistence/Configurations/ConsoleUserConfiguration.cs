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
    }
}
