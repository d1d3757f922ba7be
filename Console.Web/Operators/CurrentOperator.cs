using System.Security.Claims;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;
using NicConsole.Web.Users;

namespace NicConsole.Web.Operators;

/// <summary>
/// Who works in this circuit (or request), with which role and tenant, and in which zone; every use case the console
/// runs carries it. Filled from the signed-in user; until then it is the least privilege: a Viewer of no tenant.
/// </summary>
public sealed class CurrentOperator(IOptions<NetworkOptions> network)
{
    public const string DefaultUser = "console";

    public string User { get; set; } = DefaultUser;

    public Role Role { get; set; } = Role.Viewer;

    public string Tenant { get; set; } = "";

    public string Zone { get; set; } = network.Value.DefaultZone;

    public bool IsSignedIn { get; private set; }

    public bool CanChange => Context.CanChange;

    public bool IsAdmin => Context.IsAdmin;

    public OperationContext Context => new(User, Zone, Role, Tenant);

    /// <summary>Takes name, role and tenant from a signed-in user's claims; anyone else is a Viewer of no tenant.</summary>
    public void Use(ClaimsPrincipal principal)
    {
        if (principal.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            User = name;
            Role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) && Enum.IsDefined(role) ? role : Role.Viewer;
            Tenant = principal.FindFirstValue(ConsoleClaims.Tenant) ?? "";
            IsSignedIn = true;
            return;
        }
        User = DefaultUser;
        Role = Role.Viewer;
        Tenant = "";
        IsSignedIn = false;
    }
}
