using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

public static class OperatorRoles
{
    /// <summary>Works as <paramref name="role"/> of the default tenant, where the tests' resources are, whatever the operator's defaults.</summary>
    public static void ActAs(this CurrentOperator @operator, Role role)
    {
        @operator.User = CurrentOperator.DefaultUser;
        @operator.Role = role;
        @operator.Tenant = OperationContext.DefaultTenant;
    }
}
