using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.AccessKeys;

public sealed class AccessKeyService(IDbContextFactory<ConsoleDbContext> factory, ISecretProtector protector, TimeProvider time)
{
    public async Task<Result<CreatedAccessKey>> CreateAsync(string user, string description = "", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return DomainErrors.Required("user");
        }
        if (Names.Check(user, description) is { } refusal)
        {
            return refusal;
        }
        var secret = AccessKey.NewSecret();
        var key = new AccessKey(user, description, protector.Protect(secret), time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessKey(key.Id, secret);
    }

    public async Task<Result<string>> RevokeAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
        if (key is null || !key.IsActive)
        {
            return DomainErrors.AccessKeyNotFound(accessKeyId);
        }
        key.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return accessKeyId;
    }

    public async Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AccessKeys.AsNoTracking().OrderByDescending(k => k.CreateTime).ToListAsync(cancellationToken);
    }

    /// <summary>The user and secret of an active key, or null when the key is unknown or revoked.</summary>
    public async Task<(string User, string Secret)?> FindActiveAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == accessKeyId && k.RevokeTime == null, cancellationToken);
        return key is null ? null : (key.User, protector.Unprotect(key.ProtectedSecret));
    }
}
