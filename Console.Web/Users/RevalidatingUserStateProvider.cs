using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

/// <summary>
/// Checks an open circuit's user every minute: deleted, locked, or changed (a new security stamp) ends the
/// session, and the page sends the browser to the sign-in page.
/// </summary>
public sealed class RevalidatingUserStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options,
    TimeProvider time) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        return await IsStillValidAsync(manager, authenticationState.User);
    }

    private async Task<bool> IsStillValidAsync(UserManager<ConsoleUser> manager, ClaimsPrincipal principal)
    {
        var user = await manager.GetUserAsync(principal);
        if (user is null || user.IsLockedOut(time.GetUtcNow()))
        {
            return false;
        }
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await manager.GetSecurityStampAsync(user);
    }
}
