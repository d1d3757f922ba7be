using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Operations;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>Changes to users and API keys are in the operation log, naming who made them, in the tenant of the user concerned.</summary>
public sealed class AuditLogEntries(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly OperationContext Root = new("root", "pek3a", Role.Admin, OperationContext.DefaultTenant);

    private UserService Users => app.Services.GetRequiredService<UserService>();

    private AccessKeyService Keys => app.Services.GetRequiredService<AccessKeyService>();

    [Fact]
    public async Task EveryChangeToAUserOrKeyIsLoggedWithItsAuthorInTheUsersTenant()
    {
        var name = "audited-" + Guid.NewGuid().ToString("N")[..6];

        (await Users.CreateAsync(Root, new NewUser(name, Role.Viewer, "acme"))).Ok();
        (await Users.ChangeAsync(Root, name, Role.Operator, "acme"))
            .Ok();
        (await Users.LockAsync(Root, name, true)).Ok();
        (await Users.LockAsync(Root, name, false)).Ok();
        (await Users.ResetPasswordAsync(Root, name)).Ok();
        var key = (await Keys.CreateAsync(Root, name)).Ok();
        (await Keys.RevokeAsync(Root, key.AccessKeyId)).Ok();

        var log = await LogAsync(new OperationContext("ann", "pek3a", Role.Viewer, "acme"));
        log.Where(e => e.Resources.Contains(name)).Select(e => e.Action).Reverse()
            .ShouldBe([AuditLog.CreateUser, AuditLog.ModifyUser, AuditLog.LockUser, AuditLog.UnlockUser, AuditLog.ResetUserPassword]);
        log.Where(e => e.Resources.Contains(key.AccessKeyId)).Select(e => e.Action).Reverse()
            .ShouldBe([AuditLog.CreateAccessKey, AuditLog.RevokeAccessKey]);
        log.Where(e => e.Resources.Contains(name) || e.Resources.Contains(key.AccessKeyId)).ShouldAllBe(e => e.User == "root" && e.Tenant == "acme");
        (await LogAsync(new OperationContext("bob", "pek3a", Role.Operator, "other"))).ShouldNotContain(e => e.Resources.Contains(name));
    }

    [Fact]
    public async Task ARefusedChangeLogsNothing()
    {
        var name = "refused-" + Guid.NewGuid().ToString("N")[..6];
        var mallory = new OperationContext("mallory", "pek3a", Role.Operator, "acme");

        (await Users.CreateAsync(mallory, new NewUser(name, Role.Admin, "acme"))).Refused(RetCode.PermissionDenied);
        (await Users.CreateAsync(Root, new NewUser(name, Role.Viewer, "acme", "short"))).Refused(RetCode.InvalidParameter);
        (await Keys.CreateAsync(mallory, name)).Refused(RetCode.PermissionDenied);

        (await LogAsync(Root)).ShouldNotContain(e => e.Resources.Contains(name) || e.User == "mallory");
    }

    private async Task<IReadOnlyList<OperationLogEntry>> LogAsync(OperationContext context) =>
        (await app.Get<OperationQueries>().QueryAsync(context, new OperationQuery { Page = new(Limit: 100) })).Ok().Items;
}
