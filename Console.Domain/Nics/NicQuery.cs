using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>Filters for the NIC list; every filter given must match, a list filter matches any of its values.</summary>
public sealed record NicQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<NicStatus> Statuses { get; init; } = [];
    public IReadOnlyList<string> VxNetIds { get; init; } = [];
    public IReadOnlyList<VxNetType> VxNetTypes { get; init; } = [];
    public IReadOnlyList<string> InstanceIds { get; init; } = [];
    public string? Name { get; init; }
    public string? SearchWord { get; init; }
    public PageRequest Page { get; init; } = new();
}
