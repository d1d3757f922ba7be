using System.Collections.Concurrent;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Users;

namespace NicConsole.Domain.AccessKeys;

/// <summary>
/// API keys of console users. Everyone manages their own keys; an Admin sees every key and may make or revoke
/// anyone's. A key acts as its user, with the user's role and tenant, while that user exists and is not locked.
/// </summary>
/// <remarks>
/// The API asks for a key on every request, so each node keeps what it read of a key (its user, role, tenant and secret,
/// or why it is refused) in memory, and forgets all of it when it hears a change to any key or user (a revoke, a lock, a
/// new role) or a change that does not say what it touched (the backplane lost or back): through the change feed, on
/// every node at once. A change no feed carries (the command line of another process with the in-process backplane)
/// counts within <see cref="OwnerLifetime"/>, after which every entry is read again.
/// </remarks>
public sealed class AccessKeyService : IDisposable
{
    /// <summary>How many unprotected secrets are kept (one per active key in use); beyond it, secrets are unprotected again.</summary>
    public const int CachedSecrets = 1024;

    /// <summary>How many keys' owners a node keeps; beyond it, it starts again from none.</summary>
    public const int CachedOwners = 4096;

    /// <summary>How long a node trusts what it read of a key without hearing of a change.</summary>
    public static readonly TimeSpan OwnerLifetime = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SecretLifetime = TimeSpan.FromMinutes(30);

    // One statement: the key (if active) and its user (if any), only the columns the decision needs.
    private static readonly Func<ConsoleDbContext, string, CancellationToken, Task<ActiveKey?>> FindKey =
        EF.CompileAsyncQuery((ConsoleDbContext db, string id, CancellationToken cancellationToken) =>
            (from k in db.AccessKeys
             where k.Id == id && k.RevokeTime == null
             from u in db.Users.Where(u => u.UserName == k.User).DefaultIfEmpty()
             select new ActiveKey(k.User, k.ProtectedSecret, u.UserName, (Role?)u.Role, u.Tenant, u.LockoutEnd))
            .SingleOrDefault());

    private readonly MemoryCache _secrets = new(new MemoryCacheOptions { SizeLimit = CachedSecrets });

    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly ISecretProtector _protector;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;
    private readonly IDisposable _heard;
    private readonly ConcurrentDictionary<string, CachedOwner> _owners = new(StringComparer.Ordinal);
    private readonly Lock _ownersGate = new();
    private long _forgotten;

    public AccessKeyService(IDbContextFactory<ConsoleDbContext> factory, ISecretProtector protector, AuditLog audit, TimeProvider time, IChangeFeed feed)
    {
        _factory = factory;
        _protector = protector;
        _audit = audit;
        _time = time;
        _heard = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind is ResourceKinds.AccessKey or ResourceKinds.User)))
            {
                Forget();
            }
        });
    }

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
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tenant = await TenantOfAsync(db, user, cancellationToken);
        if (tenant is null)
        {
            return DomainErrors.UserNotFound(user);
        }
        var secret = AccessKey.NewSecret();
        var key = new AccessKey(user, description, _protector.Protect(secret), _time.GetUtcNow().UtcDateTime);
        db.AccessKeys.Add(key);
        var entry = _audit.Entry(context, AuditLog.CreateAccessKey, key.Id, tenant, $"for user {user}");
        db.OperationLog.Add(entry);
        var touched = TouchedEntries.Of(db);
        await db.SaveChangesAsync(cancellationToken);
        _audit.Published(entry, touched);
        return new CreatedAccessKey(key.Id, secret);
    }

    /// <summary>Revokes a key of the caller's own; another user's key only for an Admin.</summary>
    public async Task<Result<string>> RevokeAsync(OperationContext context, string accessKeyId, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var key = await db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
        // Another user's key is, to anyone but an Admin, a key that does not exist: its id tells nothing.
        if (key is null || !key.IsActive || (key.User != context.User && !context.IsAdmin))
        {
            return DomainErrors.AccessKeyNotFound(accessKeyId);
        }
        key.Revoke(_time.GetUtcNow().UtcDateTime);
        var entry = _audit.Entry(context, AuditLog.RevokeAccessKey, key.Id,
            await TenantOfAsync(db, key.User, cancellationToken) ?? context.Tenant, $"of user {key.User}");
        db.OperationLog.Add(entry);
        var touched = TouchedEntries.Of(db);
        await db.SaveChangesAsync(cancellationToken);
        _audit.Published(entry, touched);
        return accessKeyId;
    }

    /// <summary>The caller's keys, or every key for an Admin, newest first.</summary>
    public async Task<IReadOnlyList<AccessKey>> ListAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var keys = db.AccessKeys.AsNoTracking();
        if (!context.IsAdmin)
        {
            keys = keys.Where(k => k.User == context.User);
        }
        return await keys.OrderByDescending(k => k.CreateTime).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The secret of an active key and the user it acts as (1200 when the key is unknown or revoked, or its user is
    /// gone or locked by an administrator), from this node's memory when it has it (see the remarks), else with one
    /// compiled query. A revoke or a lock counts from the next request after the change is heard.
    /// </summary>
    public async Task<Result<KeyOwner>> FindActiveAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_owners.TryGetValue(accessKeyId, out var cached) && cached.Until > now)
        {
            return cached.Owner;
        }
        var forgotten = Volatile.Read(ref _forgotten);
        var owner = await ReadActiveAsync(accessKeyId, cancellationToken);
        lock (_ownersGate)
        {
            // Kept only if nothing was forgotten while it was read: what it read may be what a change just ended.
            if (_forgotten == forgotten)
            {
                if (_owners.Count >= CachedOwners)
                {
                    _owners.Clear();
                }
                _owners[accessKeyId] = new CachedOwner(owner, now + OwnerLifetime);
            }
        }
        return owner;
    }

    /// <summary>Forgets every key this node remembers: a key or user changed, or a change may have gone unheard.</summary>
    private void Forget()
    {
        lock (_ownersGate)
        {
            _forgotten++;
            _owners.Clear();
        }
    }

    private async Task<Result<KeyOwner>> ReadActiveAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var key = await FindKey(db, accessKeyId, cancellationToken);
        if (key is null)
        {
            return DomainErrors.UnknownAccessKey(accessKeyId);
        }
        if (key.UserName is null || ConsoleUser.IsLockedByAdmin(key.LockoutEnd))
        {
            return DomainErrors.AccessKeyUserInactive(accessKeyId, key.User);
        }
        return new KeyOwner(key.UserName, key.Role!.Value, key.Tenant!, Unprotect(key.ProtectedSecret));
    }

    private static Task<string?> TenantOfAsync(ConsoleDbContext db, string user, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.UserName == user).Select(u => (string?)u.Tenant).SingleOrDefaultAsync(cancellationToken);

    public void Dispose()
    {
        _heard.Dispose();
        _secrets.Dispose();
    }

    private string Unprotect(string protectedSecret) =>
        _secrets.GetOrCreate(protectedSecret, entry =>
        {
            entry.Size = 1;
            // Absolute, so that a secret whose data-protection key is revoked stops being served within this time.
            entry.AbsoluteExpirationRelativeToNow = SecretLifetime;
            return _protector.Unprotect(protectedSecret);
        })!;

    private sealed record CachedOwner(Result<KeyOwner> Owner, DateTimeOffset Until);

    /// <summary>An active key's row with its user's, if the user still exists (the user's columns are null if not).</summary>
    private sealed record ActiveKey(string User, string ProtectedSecret, string? UserName, Role? Role, string? Tenant, DateTimeOffset? LockoutEnd);
}
