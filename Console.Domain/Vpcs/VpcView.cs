using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Vpcs;

public sealed record VpcView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required Cidr Network { get; init; }
    public required int RouterType { get; init; }
    public required VpcStatus Status { get; init; }
    public required Transition Transition { get; init; }
    public required int VxNetCount { get; init; }
    public string? JobId { get; init; }
    public required string Zone { get; init; }
    public required string Owner { get; init; }
    public required DateTime CreateTime { get; init; }
    public required DateTime StatusTime { get; init; }
}

