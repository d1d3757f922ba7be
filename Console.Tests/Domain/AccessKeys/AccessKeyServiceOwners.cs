using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.AccessKeys;

namespace NicConsole.Tests.Domain.AccessKeys;

/// <summary>A key acts as its user; everyone manages their own keys, an Admin everyone's.</summary>
public sealed class AccessKeyServiceOwners : IAsyncLifetime
{
    private DomainHarness _h = default!;

    private AccessKeyService Keys => _h.Services.GetRequiredService<AccessKeyService>();

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static OperationContext As(string user, Role role, string tenant = "t1") => new(user, DomainHarness.Zone, role, tenant);

    [Fact]
    public async Task AnActiveKeyGivesItsUsersRoleAndTenant()
    {
        await _h.AddUserAsync("olga", Role.Operator, "t1");
        var key = (await Keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();

        var owner = (await Keys.FindActiveAsync(key.AccessKeyId)).Ok();

        owner.ShouldBe(new KeyOwner("olga", Role.Operator, "t1", key.SecretAccessKey));
    }

    [Fact]
    public async Task AKeyOfALockedOrDeletedUserAuthenticatesNobody()
    {
        var user = await _h.AddUserAsync("vera", Role.Viewer, "t1");
        var key = (await Keys.CreateAsync(As("vera", Role.Viewer), "vera")).Ok();
        await using (var db = _h.Db())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            await db.SaveChangesAsync();
        }
        (await Keys.FindActiveAsync(key.AccessKeyId)).Succeeded.ShouldBeTrue("failed sign-ins by someone else do not cut the key off");
        await using (var db = _h.Db())
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd = NicConsole.Domain.Users.ConsoleUser.LockedByAdmin;
            await db.SaveChangesAsync();
        }
        // As the console's lock does: the change is written to the log and heard.
        await _h.Get<AuditLog>().WriteAsync(As("admin", Role.Admin), AuditLog.LockUser, "vera", "t1");

        (await Keys.FindActiveAsync(key.AccessKeyId)).Refused(RetCode.AuthFailure).Key.ShouldBe(nameof(DomainErrors.AccessKeyUserInactive));

        await using (var db = _h.Db())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();
        }
        await _h.Get<AuditLog>().WriteAsync(As("admin", Role.Admin), AuditLog.ModifyUser, "vera", "t1");
        (await Keys.FindActiveAsync(key.AccessKeyId)).Refused(RetCode.AuthFailure);
    }

    [Fact]
    public async Task AnUnknownKeyIs1200()
    {
        (await Keys.FindActiveAsync("NCNOSUCHKEY000000000")).Refused(RetCode.AuthFailure).Key.ShouldBe(nameof(DomainErrors.UnknownAccessKey));
    }

    [Fact]
    public async Task AKeyNeedsAnExistingUserAndSomeoneElsesKeyNeedsAnAdmin()
    {
        await _h.AddUserAsync("olga", Role.Operator);
        await _h.AddUserAsync("pete", Role.Operator);

        (await Keys.CreateAsync(As("admin", Role.Admin), "nobody")).Refused(RetCode.ResourceNotFound);
        (await Keys.CreateAsync(As("olga", Role.Operator), "pete")).Refused(RetCode.PermissionDenied).Key.ShouldBe(nameof(DomainErrors.AdminOnly));
        (await Keys.CreateAsync(As("admin", Role.Admin), "pete")).Succeeded.ShouldBeTrue();
        (await Keys.ListAsync(As("admin", Role.Admin))).Single().User.ShouldBe("pete");
    }

    [Fact]
    public async Task ANonAdminSeesAndRevokesOnlyTheirOwnKeys()
    {
        await _h.AddUserAsync("olga", Role.Operator);
        await _h.AddUserAsync("pete", Role.Viewer);
        var olgas = (await Keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();
        var petes = (await Keys.CreateAsync(As("pete", Role.Viewer), "pete")).Ok();

        (await Keys.ListAsync(As("olga", Role.Operator))).Select(k => k.Id).ShouldBe([olgas.AccessKeyId]);
        // Another user's key answers as a missing one would: its id tells nothing.
        (await Keys.RevokeAsync(As("olga", Role.Operator), petes.AccessKeyId)).Refused(RetCode.ResourceNotFound).Key.ShouldBe(nameof(DomainErrors.AccessKeyNotFound));
        (await Keys.FindActiveAsync(petes.AccessKeyId)).Succeeded.ShouldBeTrue();

        (await Keys.RevokeAsync(As("pete", Role.Viewer), petes.AccessKeyId)).Ok();
        (await Keys.FindActiveAsync(petes.AccessKeyId)).Refused(RetCode.AuthFailure);
    }

    [Fact]
    public async Task AnAdminSeesEveryKeyAndRevokesAnyone()
    {
        await _h.AddUserAsync("olga", Role.Operator);
        await _h.AddUserAsync("pete", Role.Viewer);
        var olgas = (await Keys.CreateAsync(As("olga", Role.Operator), "olga")).Ok();
        (await Keys.CreateAsync(As("pete", Role.Viewer), "pete")).Ok();
        var admin = As("root", Role.Admin, OperationContext.DefaultTenant);

        (await Keys.ListAsync(admin)).Select(k => k.User).ShouldBe(["olga", "pete"], ignoreOrder: true);
        (await Keys.RevokeAsync(admin, olgas.AccessKeyId)).Ok();

        (await Keys.FindActiveAsync(olgas.AccessKeyId)).Refused(RetCode.AuthFailure);
    }
}
