using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(AccessKey.IdLength);
        builder.Property(k => k.User).HasMaxLength(Limits.NameLength);
        builder.Property(k => k.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(k => k.ProtectedSecret).HasMaxLength(1024);
        builder.HasIndex(k => k.User);
    }
}
