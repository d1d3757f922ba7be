using NicConsole.Domain.Common;

namespace NicConsole.Domain.Vpcs;

/// <summary>What a VPC in a given state may do, shared by the entity (which enforces it) and lists (which show why not).</summary>
public static class VpcRules
{
    public static DomainError? JoinRefusal(string id, VpcStatus status, Transition transition) =>
        IsSettledActive(status, transition) ? null : DomainErrors.VpcNotActive(id, StateText.Of(status, transition));

    /// <summary>A VPC is deleted only when it is active, no job runs on it and no VxNet is joined to it.</summary>
    public static DomainError? DeleteRefusal(string id, VpcStatus status, Transition transition, int joinedVxNets)
    {
        if (!IsSettledActive(status, transition))
        {
            return DomainErrors.VpcNotActive(id, StateText.Of(status, transition));
        }
        return joinedVxNets > 0 ? DomainErrors.VpcHasVxNets(id, joinedVxNets) : null;
    }

    public static DomainError? JoinRefusal(this VpcView vpc) => JoinRefusal(vpc.Id, vpc.Status, vpc.Transition);

    public static DomainError? DeleteRefusal(this VpcView vpc) => DeleteRefusal(vpc.Id, vpc.Status, vpc.Transition, vpc.VxNetCount);

    private static bool IsSettledActive(VpcStatus status, Transition transition) =>
        status == VpcStatus.Active && transition == Transition.None;
}
