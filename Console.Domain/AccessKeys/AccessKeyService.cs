using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.AccessKeys;

/// <summary>
/// API keys of console users. Everyone manages their own keys; an Admin sees every key and may make or revoke
/// anyone's. A key acts as its user, with the user's role and tenant, while that user exists and is not locked.
/// </summary>
public sealed class AccessKeyService(IDbContextFactory<ConsoleDbContext> factory, ISecretProtector protector, TimeProvider time)
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
        if (!await db.Users.AnyAsync(u => u.UserName == user, cancellationToken))
        {
            return DomainErrors.UserNotFound(user);
        }
        var secret = AccessKey.NewSecret();
        var key = new AccessKey(user, description, protector.Protect(secret), time.GetUtcNow().UtcDateTime);
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessKey(key.Id, secret);
    }

    /// <summary>Revokes a key of the caller's own; another user's key only for an Admin.</summary>
    public async Task<Result<string>> RevokeAsync(OperationContext context, string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
        if (key is null || !key.IsActive)
        {
            return DomainErrors.AccessKeyNotFound(accessKeyId);
        }
        if (key.User != context.User && context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        key.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
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
}
