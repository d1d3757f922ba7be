namespace NicConsole.Domain.Common;

/// <summary>
/// Who asks, with which role, for which tenant, and in which zone: every use case runs on behalf of one.
/// An Admin sees every tenant; everyone else sees only their own.
/// </summary>
public sealed record OperationContext(string User, string Zone, Role Role, string Tenant)
{
    /// <summary>The tenant resources belong to when nobody chose one: the demo data, the first administrator.</summary>
    public const string DefaultTenant = "default";

    /// <summary>The system itself (demo data, seeding, benchmarks): an Admin of the default tenant.</summary>
    public static OperationContext System(string user, string zone) => new(user, zone, Role.Admin, DefaultTenant);

    public bool CanChange => Role >= Role.Operator;

    public bool IsAdmin => Role == Role.Admin;

    public bool SeesEveryTenant => IsAdmin;

    /// <summary>Why this caller may not change resources (a Viewer), or null: the service and the console ask the same rule.</summary>
    public DomainError? ChangeRefusal => CanChange ? null : DomainErrors.ReadOnlyRole(User);

    /// <summary>Why this caller may not manage users or other users' keys, or null.</summary>
    public DomainError? AdminRefusal => IsAdmin ? null : DomainErrors.AdminOnly(User);
}
