using Microsoft.AspNetCore.Identity;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.Users;

/// <summary>A person who signs in to the console (and whose API keys act as them): one role and one tenant each.</summary>
public sealed class ConsoleUser : IdentityUser
{
    public const int TenantLength = 64;

    /// <summary>An administrator's lock: a lockout that never ends on its own, unlike the 15 minutes after failed sign-ins.</summary>
    public static readonly DateTimeOffset LockedByAdmin = DateTimeOffset.MaxValue;

    public ConsoleUser()
    {
    }

    public ConsoleUser(string name, Role role, string tenant)
        : base(name)
    {
        Role = role;
        Tenant = tenant;
        LockoutEnabled = true;
    }

    public Role Role { get; set; } = Role.Viewer;

    public string Tenant { get; set; } = OperationContext.DefaultTenant;

    /// <summary>Locked for now: by an administrator, or for a while after failed sign-ins (new sign-ins are refused).</summary>
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    /// <summary>
    /// Locked by an administrator: their open pages end and their API keys stop working. A lockout after failed
    /// sign-ins does neither, so that someone guessing passwords cannot cut a user off.
    /// </summary>
    public bool IsDisabled => IsLockedByAdmin(LockoutEnd);

    /// <summary>Whether a lockout end read from the database is an administrator's lock (see <see cref="IsDisabled"/>).</summary>
    public static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year == LockedByAdmin.Year;
}
