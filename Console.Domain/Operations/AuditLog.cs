using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Operations;

/// <summary>
/// Changes to who may do what (users, API keys) go into the operation log beside resource changes: who made them,
/// on which user or key, in the tenant of the user concerned, and open pages hear of them like any other change.
/// </summary>
public sealed class AuditLog(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed, TimeProvider time)
{
    public const string CreateUser = nameof(CreateUser);
    public const string ModifyUser = nameof(ModifyUser);
    public const string LockUser = nameof(LockUser);
    public const string UnlockUser = nameof(UnlockUser);
    public const string ResetUserPassword = nameof(ResetUserPassword);
    public const string CreateAccessKey = nameof(CreateAccessKey);
    public const string RevokeAccessKey = nameof(RevokeAccessKey);

    public static IReadOnlyList<string> Actions { get; } =
        [CreateUser, ModifyUser, LockUser, UnlockUser, ResetUserPassword, CreateAccessKey, RevokeAccessKey];

    /// <summary>The entry for a change <paramref name="context"/>'s caller made to <paramref name="subject"/> (a user name or key id).</summary>
    public OperationLogEntry Entry(OperationContext context, string action, string subject, string tenant, string detail = "") =>
        new(context.User, context.Zone, tenant, action, [subject], OperationResult.Succeeded, detail, null, time.GetUtcNow().UtcDateTime);

    /// <summary>Writes a change that was made elsewhere (Identity's own store) and tells open pages.</summary>
    public async Task WriteAsync(OperationContext context, string action, string subject, string tenant, string detail = "", CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entry = Entry(context, action, subject, tenant, detail);
        db.OperationLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        // Identity's store is not this context's: the user is named, its state is not known here.
        Published(entry, [new Touched(ResourceKinds.User, subject, [], null, null)]);
    }

    /// <summary>Tells open pages of an entry committed with the change it records, and what that change wrote.</summary>
    public void Published(OperationLogEntry entry, IReadOnlyList<Touched> touched) => feed.Publish([ResourceChange.From(entry, touched, entry.Id)]);
}
