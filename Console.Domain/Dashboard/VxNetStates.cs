using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Dashboard;

/// <summary>What the dashboard counts VxNets by, as VxNets have no status of their own.</summary>
public static class VxNetStates
{
    public const string InVpc = "in-vpc";
    public const string NotInVpc = "not-in-vpc";
    public const string Basic = "basic";

    public static string Of(VxNetType type, string? vpcId) => type == VxNetType.Basic ? Basic : vpcId is not null ? InVpc : NotInVpc;
}
