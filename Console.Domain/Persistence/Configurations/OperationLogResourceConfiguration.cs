using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NicConsole.Domain.Operations;

namespace NicConsole.Domain.Persistence.Configurations;

public sealed class OperationLogResourceConfiguration : IEntityTypeConfiguration<OperationLogResource>
{
    public void Configure(EntityTypeBuilder<OperationLogResource> builder)
    {
        builder.ToTable("OperationLogResources");
        builder.HasKey(r => new { r.ResourceId, r.OperationId });
        builder.Property(r => r.ResourceId).HasMaxLength(64);
        builder.HasOne<OperationLogEntry>().WithMany(o => o.ResourceIndex).HasForeignKey(r => r.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}
