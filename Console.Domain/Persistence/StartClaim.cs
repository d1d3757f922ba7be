using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// A step of a console's life that one node only may ever take, however many start or ask at once (the demo data, the
/// first administrator): a row keyed by the step's name. The node whose insert succeeds has it; the database's key
/// decides, not a lock inside one process.
/// </summary>
public sealed class StartClaim
{
    public const string Demo = "demo";
    public const string FirstAdmin = "first-admin";

    private StartClaim()
    {
    }

    public string Name { get; private set; } = "";

    public string Node { get; private set; } = "";

    public DateTime Time { get; private set; }

    /// <summary>True when this node took the claim now; false when any node (this one included) had taken it.</summary>
    public static async Task<bool> TryTakeAsync(IDbContextFactory<ConsoleDbContext> factory, string name, string node, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Set<StartClaim>().Add(new StartClaim { Name = name, Node = node, Time = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node's insert came first (a key violation), or is committing now (busy): either way it is theirs.
            return false;
        }
    }

    /// <summary>Gives a claim back when the step it guarded failed, so that it may be tried again.</summary>
    public static async Task ReleaseAsync(IDbContextFactory<ConsoleDbContext> factory, string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<StartClaim>().Where(c => c.Name == name).ExecuteDeleteAsync(cancellationToken);
    }
}

public sealed class StartClaimConfiguration : IEntityTypeConfiguration<StartClaim>
{
    public void Configure(EntityTypeBuilder<StartClaim> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Node).HasMaxLength(128);
    }
}
