using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

/// <summary>What a VxNet in a given state may do, shared by the entity (which enforces it) and lists (which show why not).</summary>
public static class VxNetRules
{
    public static DomainError? JoinRefusal(string id, VxNetType type, Transition transition, string? vpcId)
    {
        if (type == VxNetType.Basic)
        {
            return DomainErrors.BasicNetworkFixed();
        }
        if (type == VxNetType.SelfManaged)
        {
            return DomainErrors.SelfManagedCannotJoin(id);
        }
        if (transition != Transition.None)
        {
            return DomainErrors.VxNetBusy(id, transition.ApiName());
        }
        return vpcId is { } vpc ? DomainErrors.VxNetAlreadyInVpc(id, vpc) : null;
    }

    public static DomainError? LeaveRefusal(string id, Transition transition, string? vpcId, string fromVpcId, int nics)
    {
        if (transition != Transition.None)
        {
            return DomainErrors.VxNetBusy(id, transition.ApiName());
        }
        if (vpcId is null)
        {
            return DomainErrors.VxNetNotInVpc(id);
        }
        if (vpcId != fromVpcId)
        {
            return DomainErrors.VxNetNotInThisVpc(id, fromVpcId);
        }
        return nics > 0 ? DomainErrors.VxNetHasNics(id, nics) : null;
    }

    public static DomainError? DeleteRefusal(string id, VxNetType type, Transition transition, int nics)
    {
        if (type == VxNetType.Basic)
        {
            return DomainErrors.BasicNetworkFixed();
        }
        if (transition != Transition.None)
        {
            return DomainErrors.VxNetBusy(id, transition.ApiName());
        }
        return nics > 0 ? DomainErrors.VxNetHasNics(id, nics) : null;
    }
}
