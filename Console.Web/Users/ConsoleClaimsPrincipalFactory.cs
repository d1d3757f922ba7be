using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

/// <summary>Puts the user's role (as Identity's role claim, so <c>[Authorize(Roles = "Admin")]</c> works) and tenant in the sign-in cookie.</summary>
public sealed class ConsoleClaimsPrincipalFactory(UserManager<ConsoleUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ConsoleUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ConsoleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role.ToString()));
        identity.AddClaim(new Claim(ConsoleClaims.Tenant, user.Tenant));
        return identity;
    }
}
