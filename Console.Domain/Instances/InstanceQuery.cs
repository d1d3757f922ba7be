using NicConsole.Domain.Common;

namespace NicConsole.Domain.Instances;

public sealed record InstanceQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<InstanceStatus> Statuses { get; init; } = [];
    public IReadOnlyList<string> ImageIds { get; init; } = [];
    public IReadOnlyList<string> InstanceTypes { get; init; } = [];

    /// <summary>Only servers with a NIC in this VxNet.</summary>
    public string? VxNetId { get; init; }

    public string? SearchWord { get; init; }
    public PageRequest Page { get; init; } = new();
}
