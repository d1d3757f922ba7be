using NicConsole.Domain.Common;

namespace NicConsole.Domain.Instances;

/// <summary>A server as listed; <see cref="Host"/> (its hypervisor host) is there for an Admin only.</summary>
public sealed record InstanceView(
    string Id,
    string Name,
    string Description,
    string ImageId,
    string InstanceType,
    int Cpu,
    int Memory,
    InstanceStatus Status,
    Transition Transition,
    string? JobId,
    string Zone,
    string Owner,
    DateTime CreateTime,
    DateTime StatusTime,
    IReadOnlyList<InstanceNicView> Nics,
    string? Host = null,
    string? OfflineHost = null)
{
    /// <summary>Why nothing can be changed on it now: its host is offline (named to anyone, as the refusal does).</summary>
    public DomainError? HostRefusal => OfflineHost is null ? null : DomainErrors.HostOffline(OfflineHost);

    /// <summary>Why this server cannot take <paramref name="adding"/> more NICs now: not running, past 64, or its host offline.</summary>
    public DomainError? AttachRefusal(int adding) =>
        InstanceRules.AttachRefusal(Id, Status, Transition) ?? InstanceRules.CapacityRefusal(Id, Nics.Count, adding) ?? HostRefusal;

    public DomainError? Refusal(Transition change) => InstanceRules.Refusal(Id, Status, Transition, change) ?? HostRefusal;
}
