using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Api;

namespace NicConsole.Tests.Domain.AccessKeys;

/// <summary>
/// The key lookup every API call makes: the secret is unprotected once; the key and its user are kept in memory until a
/// change to a key or user is heard, or, for a change no feed carries, for <see cref="AccessKeyService.OwnerLifetime"/>.
/// </summary>
public sealed class AccessKeyServiceSecretCache : IAsyncLifetime
{
    private readonly CountingProtector _protector = new(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private DomainHarness _h = default!;
    private AccessKeyService _keys = default!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _keys = new AccessKeyService(_h.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>(), _protector, _h.Services.GetRequiredService<NicConsole.Domain.Operations.AuditLog>(), _time,
            _h.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _h.DisposeAsync();
    }

    private static OperationContext As(string user, Role role) => new(user, DomainHarness.Zone, role, "t1");

    [Fact]
    public async Task UnprotectsAKeysSecretOnceForManyLookups()
    {
        await _h.AddUserAsync("olga", Role.Operator, "t1");
        var key = (await _keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();

        for (var i = 0; i < 5; i++)
        {
            (await _keys.FindActiveAsync(key.AccessKeyId)).Ok().Secret.ShouldBe(key.SecretAccessKey);
        }

        _protector.Unprotected.ShouldBe(1);
    }

    [Fact]
    public async Task ANewSecretForTheSameKeyIsUnprotectedAfresh()
    {
        await _h.AddUserAsync("olga", Role.Operator, "t1");
        var key = (await _keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();
        (await _keys.FindActiveAsync(key.AccessKeyId)).Ok();
        var protectedSecret = _protector.Protect("a-new-secret");

        await using (var db = _h.Db())
        {
            await db.AccessKeys.Where(k => k.Id == key.AccessKeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.ProtectedSecret, protectedSecret));
        }

        // Written behind the service's back (no change heard): the old secret serves until the lifetime ends.
        (await _keys.FindActiveAsync(key.AccessKeyId)).Ok().Secret.ShouldBe(key.SecretAccessKey);
        _time.Advance(AccessKeyService.OwnerLifetime);
        (await _keys.FindActiveAsync(key.AccessKeyId)).Ok().Secret.ShouldBe("a-new-secret");
        _protector.Unprotected.ShouldBe(2);
    }

    [Fact]
    public async Task AKeyLookedUpBeforeItsRevokeOrItsUsersLockIsRefusedAfter()
    {
        var vera = await _h.AddUserAsync("vera", Role.Viewer, "t1");
        await _h.AddUserAsync("olga", Role.Operator, "t1");
        var veras = (await _keys.CreateAsync(As("vera", Role.Viewer), "vera")).Ok();
        var olgas = (await _keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();
        (await _keys.FindActiveAsync(veras.AccessKeyId)).Ok();
        (await _keys.FindActiveAsync(olgas.AccessKeyId)).Ok();

        // A lock written behind the service's back (no change heard) counts once the lifetime ends.
        await using (var db = _h.Db())
        {
            (await db.Users.SingleAsync(u => u.Id == vera.Id)).LockoutEnd = NicConsole.Domain.Users.ConsoleUser.LockedByAdmin;
            await db.SaveChangesAsync();
        }
        (await _keys.FindActiveAsync(veras.AccessKeyId)).Ok();
        _time.Advance(AccessKeyService.OwnerLifetime);
        (await _keys.FindActiveAsync(veras.AccessKeyId)).Refused(RetCode.AuthFailure).Key.ShouldBe(nameof(DomainErrors.AccessKeyUserInactive));

        // A revoke through the service is heard: refused at once.
        (await _keys.FindActiveAsync(olgas.AccessKeyId)).Ok();
        (await _keys.RevokeAsync(As("olga", Role.Operator), olgas.AccessKeyId)).Ok();
        (await _keys.FindActiveAsync(olgas.AccessKeyId)).Refused(RetCode.AuthFailure).Key.ShouldBe(nameof(DomainErrors.UnknownAccessKey));
    }

    private sealed class CountingProtector(ISecretProtector inner) : ISecretProtector
    {
        private int _unprotected;

        public int Unprotected => _unprotected;

        public string Protect(string secret) => inner.Protect(secret);

        public string Unprotect(string protectedSecret)
        {
            Interlocked.Increment(ref _unprotected);
            return inner.Unprotect(protectedSecret);
        }
    }
}
