using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

/// <summary>
/// Checks an open circuit's user every minute: deleted, locked by an administrator, or changed (a new security stamp) ends the
/// session, and the page sends the browser to the sign-in page.
/// </summary>
public sealed class RevalidatingUserStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    /// <summary>Whether the user behind a session still exists, is not locked, and has the security stamp the session began with.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = await manager.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await manager.GetSecurityStampAsync(user);
    }
}
