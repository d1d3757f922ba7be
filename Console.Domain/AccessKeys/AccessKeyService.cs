using NicConsole.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.AccessKeys;

/// <summary>
/// API keys of console users. Everyone manages their own keys; an Admin sees every key and may make or revoke
/// anyone's. A key acts as its user, with the user's role and tenant, while that user exists and is not locked.
/// </summary>
public sealed class AccessKeyService(IDbContextFactory<ConsoleDbContext> factory, ISecretProtector protector, AuditLog audit, TimeProvider time)
{
    /// <summary>A new key for <paramref name="user"/>, an existing user: the caller's own, or anyone's for an Admin.</summary>
    public async Task<Result<CreatedAccessKey>> CreateAsync(OperationContext context, string user, string description = "", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return DomainErrors.Required("user");
        }
        if (user != context.User && context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        if (Names.Check(user, description) is { } invalid)
        {
            return invalid;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tenant = await TenantOfAsync(db, user, cancellationToken);
        if (tenant is null)
        {
            return DomainErrors.UserNotFound(user);
        }
        var secret = AccessKey.NewSecret();
        var key = new AccessKey(user, description, protector.Protect(secret), time.GetUtcNow().UtcDateTime);
        db.AccessKeys.Add(key);
        var entry = audit.Entry(context, AuditLog.CreateAccessKey, key.Id, tenant, $"for user {user}");
        db.OperationLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        audit.Published(entry);
        return new CreatedAccessKey(key.Id, secret);
    }

    /// <summary>Revokes a key of the caller's own; another user's key only for an Admin.</summary>
    public async Task<Result<string>> RevokeAsync(OperationContext context, string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
        // Another user's key is, to anyone but an Admin, a key that does not exist: its id tells nothing.
        if (key is null || !key.IsActive || (key.User != context.User && context.Role != Role.Admin))
        {
            return DomainErrors.AccessKeyNotFound(accessKeyId);
        }
        key.Revoke(time.GetUtcNow().UtcDateTime);
        var entry = audit.Entry(context, AuditLog.RevokeAccessKey, key.Id,
            await TenantOfAsync(db, key.User, cancellationToken) ?? context.Tenant, $"of user {key.User}");
        db.OperationLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        audit.Published(entry);
        return accessKeyId;
    }

    /// <summary>The caller's keys, or every key for an Admin, newest first.</summary>
    public async Task<IReadOnlyList<AccessKey>> ListAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var keys = db.AccessKeys.AsNoTracking();
        if (context.Role != Role.Admin)
        {
            keys = keys.Where(k => k.User == context.User);
        }
        return await keys.OrderByDescending(k => k.CreateTime).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The secret of an active key and the user it acts as (1200 when the key is unknown or revoked, or its user is
    /// gone or locked by an administrator).
    /// </summary>
    public async Task<Result<KeyOwner>> FindActiveAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == accessKeyId && k.RevokeTime == null, cancellationToken);
        if (key is null)
        {
            return DomainErrors.UnknownAccessKey(accessKeyId);
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == key.User, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return DomainErrors.AccessKeyUserInactive(accessKeyId, key.User);
        }
        return new KeyOwner(user.UserName!, user.Role, user.Tenant, protector.Unprotect(key.ProtectedSecret));
    }

    private static Task<string?> TenantOfAsync(ConsoleDbContext db, string user, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.UserName == user).Select(u => (string?)u.Tenant).SingleOrDefaultAsync(cancellationToken);
}
