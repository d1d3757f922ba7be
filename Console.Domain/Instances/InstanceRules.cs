using NicConsole.Domain.Common;

namespace NicConsole.Domain.Instances;

/// <summary>What a server in a given state may do, shared by the entity (which enforces it) and lists (which show why not).</summary>
public static class InstanceRules
{
    public static DomainError? AttachRefusal(string id, InstanceStatus status, Transition transition) =>
        IsSettled(status, transition, InstanceStatus.Running) ? null : DomainErrors.ServerNotRunning(id, StateText.Of(status, transition));

    /// <summary>Why a server with <paramref name="used"/> NICs cannot take <paramref name="adding"/> more: 64 in all at most.</summary>
    public static DomainError? CapacityRefusal(string id, int used, int adding) =>
        used + adding > Limits.NicsPerServer ? DomainErrors.ServerFull(id, used, adding) : null;

    public static DomainError? DetachRefusal(string id, InstanceStatus status, Transition transition) =>
        IsSettled(status, transition, InstanceStatus.Running) || IsSettled(status, transition, InstanceStatus.Stopped)
            ? null : DomainErrors.ServerBusy(id, StateText.Of(status, transition));

    public static DomainError? Refusal(string id, InstanceStatus status, Transition transition, Transition change) => change switch
    {
        Transition.Starting => IsSettled(status, transition, InstanceStatus.Stopped) ? null : DomainErrors.ServerNotStopped(id, StateText.Of(status, transition)),
        Transition.Stopping or Transition.Restarting => AttachRefusal(id, status, transition),
        Transition.Terminating => DetachRefusal(id, status, transition),
        _ => throw new DomainException($"{change} is not a server operation."),
    };

    private static bool IsSettled(InstanceStatus status, Transition transition, InstanceStatus wanted) =>
        status == wanted && transition == Transition.None;
}
