using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Operators;

/// <summary>Who works in this circuit, with which role and tenant, and in which zone; every use case the console runs carries it.</summary>
public sealed class CurrentOperator(IOptions<NetworkOptions> network)
{
    public const string DefaultUser = "console";

    public string User { get; set; } = DefaultUser;

    public Role Role { get; set; } = Role.Admin;

    public string Tenant { get; set; } = OperationContext.DefaultTenant;

    public string Zone { get; set; } = network.Value.DefaultZone;

    public bool CanChange => Role >= Role.Operator;

    public OperationContext Context => new(User, Zone, Role, Tenant);
}
