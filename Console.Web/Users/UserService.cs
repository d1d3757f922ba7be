using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

/// <summary>
/// The one way to manage users: the users page, the <c>users</c> command and the setup page all come through here,
/// and every call but the first administrator's is refused unless the caller is an Admin (1400). Each call works on
/// a fresh scope, so a circuit never holds a stale <see cref="UserManager{TUser}"/>.
/// </summary>
public sealed partial class UserService(
    IServiceScopeFactory scopes,
    AuditLog audit,
    IOptions<NetworkOptions> network,
    IOptions<NodeOptions> node,
    IDbContextFactory<ConsoleDbContext> factory,
    TimeProvider time)
{
    public async Task<Result<IReadOnlyList<UserView>>> ListAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = await Manager(scope).Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return users.Select(u => new UserView(u.UserName!, u.Role, u.Tenant, u.IsLockedOut(now), u.IsDisabled)).ToList();
    }

    /// <summary>Creates a user and gives back its initial password (the one given, or a generated one).</summary>
    public async Task<Result<string>> CreateAsync(OperationContext context, NewUser user)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        return await AddAsync(context, user);
    }

    public async Task<Result<string>> ChangeAsync(OperationContext context, string name, Role role, string tenant)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        if (CheckRoleAndTenant(role, tenant) is { } invalid)
        {
            return invalid;
        }
        if (name == context.User && (role != context.Role || tenant.Trim() != context.Tenant))
        {
            return DomainErrors.OwnAccount(name);
        }
        return await WithUserAsync(context, AuditLog.ModifyUser, name, $"role {role}, tenant {tenant.Trim()}", async (manager, user) =>
        {
            user.Role = role;
            user.Tenant = tenant.Trim();
            var updated = await manager.UpdateAsync(user);
            // A new stamp ends the user's sessions at their next check, so they sign in again with the new role.
            return updated.Succeeded ? await manager.UpdateSecurityStampAsync(user) : updated;
        });
    }

    /// <summary>Locks a user out until unlocked (their open pages end within a minute, their keys stop working), or unlocks.</summary>
    public async Task<Result<string>> LockAsync(OperationContext context, string name, bool locked)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        if (locked && name == context.User)
        {
            return DomainErrors.OwnAccount(name);
        }
        return await WithUserAsync(context, locked ? AuditLog.LockUser : AuditLog.UnlockUser, name, "", async (manager, user) =>
        {
            await manager.SetLockoutEnabledAsync(user, true);
            var result = await manager.SetLockoutEndDateAsync(user, locked ? ConsoleUser.LockedByAdmin : null);
            if (result.Succeeded && !locked)
            {
                result = await manager.ResetAccessFailedCountAsync(user);
            }
            return result.Succeeded ? await manager.UpdateSecurityStampAsync(user) : result;
        });
    }

    /// <summary>Gives a user a new generated password, returned once.</summary>
    public async Task<Result<string>> ResetPasswordAsync(OperationContext context, string name)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        var password = Passwords.Generate();
        var reset = await WithUserAsync(context, AuditLog.ResetUserPassword, name, "", async (manager, user) =>
        {
            var removed = await manager.RemovePasswordAsync(user);
            return removed.Succeeded ? await manager.AddPasswordAsync(user, password) : removed;
        });
        return reset.Succeeded ? password : reset.Error!;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Manager(scope).Users.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// The first administrator (tenant <c>default</c>), only while there is no user at all; the setup page asks it.
    /// Setups racing on one node or on several cannot both pass "no user yet": the database's <see cref="StartClaim"/>
    /// lets one only. Once a first administrator exists, setup is closed for good (the <c>users</c> command remains).
    /// </summary>
    public async Task<Result<string>> CreateFirstAdminAsync(string name, string password)
    {
        if (await AnyAsync() || !await StartClaim.TryTakeAsync(factory, StartClaim.FirstAdmin, node.Value.Id, time.GetUtcNow().UtcDateTime, CancellationToken.None))
        {
            return DomainErrors.AdminOnly(name);
        }
        var created = await AddAsync(OperationContext.System("setup", network.Value.DefaultZone), new NewUser(name, Role.Admin, OperationContext.DefaultTenant, password));
        if (!created.Succeeded)
        {
            // A refused name or password: the claim goes back, so the setup can be tried again.
            await StartClaim.ReleaseAsync(factory, StartClaim.FirstAdmin, CancellationToken.None);
        }
        return created;
    }

    private async Task<Result<string>> AddAsync(OperationContext context, NewUser user)
    {
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            return DomainErrors.Required("name");
        }
        if (CheckRoleAndTenant(user.Role, user.Tenant) is { } invalid)
        {
            return invalid;
        }
        var name = user.Name.Trim();
        if (name.Length > Limits.NameLength)
        {
            return DomainErrors.NameTooLong(Limits.NameLength);
        }
        await using var scope = scopes.CreateAsyncScope();
        var manager = Manager(scope);
        if (await manager.FindByNameAsync(name) is not null)
        {
            return DomainErrors.UserExists(name);
        }
        var password = user.Password ?? Passwords.Generate();
        var created = await manager.CreateAsync(new ConsoleUser(name, user.Role, user.Tenant.Trim()), password);
        if (!created.Succeeded)
        {
            return Rejected(created);
        }
        await audit.WriteAsync(context, AuditLog.CreateUser, name, user.Tenant.Trim(), $"role {user.Role}");
        return password;
    }

    /// <summary>A change to one user, written to the operation log (in the user's tenant after the change) when it succeeds.</summary>
    private async Task<Result<string>> WithUserAsync(
        OperationContext context, string action, string name, string detail, Func<UserManager<ConsoleUser>, ConsoleUser, Task<IdentityResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = Manager(scope);
        var user = await manager.FindByNameAsync(name);
        if (user is null)
        {
            return DomainErrors.UserNotFound(name);
        }
        var result = await change(manager, user);
        if (!result.Succeeded)
        {
            return Rejected(result);
        }
        await audit.WriteAsync(context, action, name, user.Tenant, detail);
        return name;
    }

    private static DomainError? CheckRoleAndTenant(Role role, string tenant)
    {
        if (!Enum.IsDefined(role))
        {
            return DomainErrors.InvalidValue("role", role.ToString());
        }
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return DomainErrors.Required("tenant");
        }
        return TenantPattern().IsMatch(tenant.Trim()) ? null : DomainErrors.InvalidValue("tenant", tenant);
    }

    private static DomainError Rejected(IdentityResult result) =>
        DomainErrors.UserRejected(string.Join(" ", result.Errors.Select(e => e.Description)));

    private static UserManager<ConsoleUser> Manager(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex TenantPattern();
}
