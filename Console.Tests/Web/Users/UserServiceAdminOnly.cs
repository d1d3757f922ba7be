using Microsoft.AspNetCore.Identity;
using NicConsole.Domain.Users;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>Only an Admin manages users, whichever way in (page, command); Identity keeps the password rules.</summary>
public sealed class UserServiceAdminOnly(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly OperationContext Admin = OperationContext.System("root", "pek3a");

    private UserService Users => app.Services.GetRequiredService<UserService>();

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    public static TheoryData<Role> NonAdmins() => [Role.Viewer, Role.Operator];

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task EveryUserManagementCallRefusesANonAdminAndChangesNothing(Role role)
    {
        var target = Unique("target");
        (await Users.CreateAsync(Admin, new NewUser(target, Role.Viewer, "t1"))).Ok();
        var caller = new OperationContext("mallory", "pek3a", role, "t1");
        var before = (await Users.ListAsync(Admin)).Ok();

        (await Users.ListAsync(caller)).Refused(RetCode.PermissionDenied).Key.ShouldBe(nameof(DomainErrors.AdminOnly));
        (await Users.CreateAsync(caller, new NewUser(Unique("sneaky"), Role.Admin, "t1"))).Refused(RetCode.PermissionDenied);
        (await Users.ChangeAsync(caller, target, Role.Admin, "t1")).Refused(RetCode.PermissionDenied);
        (await Users.LockAsync(caller, target, true)).Refused(RetCode.PermissionDenied);
        (await Users.ResetPasswordAsync(caller, target)).Refused(RetCode.PermissionDenied);

        (await Users.ListAsync(Admin)).Ok().ShouldBe(before);
    }

    [Fact]
    public async Task AGeneratedPasswordMeetsTheRulesAndSignsIn()
    {
        var name = Unique("gen");

        var password = (await Users.CreateAsync(Admin, new NewUser(name, Role.Operator, "t1"))).Ok();

        password.Length.ShouldBeGreaterThanOrEqualTo(Passwords.MinimumLength);
        password.ShouldMatch("[0-9]");
        password.ShouldMatch("[A-Za-z]");
        (await SignIn.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false }), name, password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await Users.ListAsync(Admin)).Ok().Single(u => u.Name == name).ShouldBe(new UserView(name, Role.Operator, "t1", false, false));
    }

    [Theory]
    [InlineData("short1a")]
    [InlineData("onlyletters-here")]
    [InlineData("1234567890123")]
    public async Task APasswordAgainstTheRulesIsRefusedWithTheReason(string password)
    {
        var refused = (await Users.CreateAsync(Admin, new NewUser(Unique("weak"), Role.Viewer, "t1", password))).Refused(RetCode.InvalidParameter);

        refused.Key.ShouldBe(nameof(DomainErrors.UserRejected));
        refused.EnglishMessage.ShouldContain("Passwords must");
    }

    [Fact]
    public async Task ANameTakenAlreadyOrABadTenantIsRefused()
    {
        var name = Unique("dup");
        (await Users.CreateAsync(Admin, new NewUser(name, Role.Viewer, "t1"))).Ok();

        (await Users.CreateAsync(Admin, new NewUser(name, Role.Viewer, "t1"))).Refused(RetCode.ResourceAlreadyExists);
        (await Users.CreateAsync(Admin, new NewUser(Unique("x"), Role.Viewer, "<script>"))).Refused(RetCode.InvalidParameter);
        (await Users.CreateAsync(Admin, new NewUser(Unique("x"), Role.Viewer, " "))).Refused(RetCode.InvalidParameter);
        (await Users.ChangeAsync(Admin, "nobody-" + name, Role.Viewer, "t1")).Refused(RetCode.ResourceNotFound);
    }

    [Fact]
    public async Task TheSignInClaimsCarryRoleAndTenantAndFillTheOperator()
    {
        var name = Unique("claims");
        (await Users.CreateAsync(Admin, new NewUser(name, Role.Operator, "acme"))).Ok();
        var principal = await PrincipalAsync(name);
        var op = new CurrentOperator(Microsoft.Extensions.Options.Options.Create(new NicConsole.Domain.Options.NetworkOptions { Zones = ["pek3a"] }));

        op.Use(principal);

        op.Context.ShouldBe(new OperationContext(name, "pek3a", Role.Operator, "acme"));
        op.IsSignedIn.ShouldBeTrue();
        op.Use(new System.Security.Claims.ClaimsPrincipal());
        (op.Role, op.Tenant, op.IsSignedIn).ShouldBe((Role.Viewer, "", false));
    }

    [Fact]
    public void NobodySignedInIsAViewerOfNoTenant()
    {
        var op = new CurrentOperator(Microsoft.Extensions.Options.Options.Create(new NicConsole.Domain.Options.NetworkOptions()));

        (op.Role, op.Tenant, op.IsSignedIn, op.CanChange).ShouldBe((Role.Viewer, "", false, false));
    }

    [Fact]
    public async Task ARoleChangeALockOrADeletionEndsAnOpenSession()
    {
        var revalidation = ActivatorUtilities.CreateInstance<RevalidatingUserStateProvider>(app.Services);
        var name = Unique("session");
        (await Users.CreateAsync(Admin, new NewUser(name, Role.Operator, "t1"))).Ok();

        var session = await PrincipalAsync(name);
        (await revalidation.IsStillValidAsync(session)).ShouldBeTrue();
        (await Users.ChangeAsync(Admin, name, Role.Viewer, "t1")).Ok();
        (await revalidation.IsStillValidAsync(session)).ShouldBeFalse("the role changed");

        session = await PrincipalAsync(name);
        (await revalidation.IsStillValidAsync(session)).ShouldBeTrue();
        (await Users.LockAsync(Admin, name, true)).Ok();
        (await revalidation.IsStillValidAsync(await PrincipalAsync(name))).ShouldBeFalse("the user is locked");
        (await Users.ListAsync(Admin)).Ok().Single(u => u.Name == name).IsDisabled.ShouldBeTrue();

        (await Users.LockAsync(Admin, name, false)).Ok();
        session = await PrincipalAsync(name);
        (await revalidation.IsStillValidAsync(session)).ShouldBeTrue();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            for (var i = 0; i < 5; i++)
            {
                await manager.AccessFailedAsync((await manager.FindByNameAsync(name))!);
            }
            (await manager.IsLockedOutAsync((await manager.FindByNameAsync(name))!)).ShouldBeTrue();
        }
        (await revalidation.IsStillValidAsync(session)).ShouldBeTrue("someone else's failed sign-ins do not end the user's session");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            (await manager.DeleteAsync((await manager.FindByNameAsync(name))!)).Succeeded.ShouldBeTrue();
        }
        (await revalidation.IsStillValidAsync(session)).ShouldBeFalse("the user is gone");
    }

    [Fact]
    public async Task AnAdminCannotLockDemoteOrMoveThemselves()
    {
        var name = Unique("self");
        (await Users.CreateAsync(Admin, new NewUser(name, Role.Admin, OperationContext.DefaultTenant))).Ok();
        var self = new OperationContext(name, "pek3a", Role.Admin, OperationContext.DefaultTenant);

        (await Users.LockAsync(self, name, true)).Refused(RetCode.PermissionDenied).Key.ShouldBe(nameof(DomainErrors.OwnAccount));
        (await Users.ChangeAsync(self, name, Role.Viewer, OperationContext.DefaultTenant)).Refused(RetCode.PermissionDenied);
        (await Users.ChangeAsync(self, name, Role.Admin, "elsewhere")).Refused(RetCode.PermissionDenied);

        (await Users.ListAsync(Admin)).Ok().Single(u => u.Name == name).ShouldBe(new UserView(name, Role.Admin, OperationContext.DefaultTenant, false, false));
    }

    [Fact]
    public async Task AResetPasswordReplacesTheOldOne()
    {
        var name = Unique("reset");
        var old = (await Users.CreateAsync(Admin, new NewUser(name, Role.Viewer, "t1"))).Ok();

        var fresh = (await Users.ResetPasswordAsync(Admin, name)).Ok();

        fresh.ShouldNotBe(old);
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = (await manager.FindByNameAsync(name))!;
        (await manager.CheckPasswordAsync(user, old)).ShouldBeFalse();
        (await manager.CheckPasswordAsync(user, fresh)).ShouldBeTrue();
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ConsoleUser>>();
        return await factory.CreateAsync((await manager.FindByNameAsync(name))!);
    }
}
