using NicConsole.Domain.Common;

namespace NicConsole.Domain.Nics;

/// <summary>
/// What a NIC in a given state may do, shared by the entity (which enforces it) and by lists (which show why an
/// action is disabled), so the rule is written once.
/// </summary>
public static class NicRules
{
    public static DomainError? AttachRefusal(string id, NicRole role, NicStatus status, Transition transition, string? instanceId)
    {
        if (role == NicRole.Primary)
        {
            return DomainErrors.NicIsPrimary(id, instanceId ?? "");
        }
        return status == NicStatus.Available && transition == Transition.None ? null : DomainErrors.NicNotAvailable(id, StateText.Of(status, transition));
    }

    public static DomainError? DetachRefusal(string id, NicRole role, NicStatus status, Transition transition, string? instanceId)
    {
        if (role == NicRole.Primary)
        {
            return DomainErrors.NicIsPrimary(id, instanceId ?? "");
        }
        return status == NicStatus.InUse && transition == Transition.None ? null : DomainErrors.NicNotInUse(id, StateText.Of(status, transition));
    }

    /// <summary>Deleting asks what attaching asks: a secondary NIC that is available and settled.</summary>
    public static DomainError? DeleteRefusal(string id, NicRole role, NicStatus status, Transition transition, string? instanceId) =>
        AttachRefusal(id, role, status, transition, instanceId);

    public static DomainError? ReaddressRefusal(string id, NicStatus status, Transition transition) =>
        status == NicStatus.Available && transition == Transition.None ? null : DomainErrors.NicNotAvailable(id, StateText.Of(status, transition));
}
