using NicConsole.Domain.Common;

namespace NicConsole.Domain.VxNets;

public sealed record VxNetQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<VxNetType> Types { get; init; } = [];
    public IReadOnlyList<string> VpcIds { get; init; } = [];

    /// <summary>Only VxNets that have joined a VPC (any VPC).</summary>
    public bool OnlyInVpc { get; init; }

    /// <summary>Only VxNets that can take a new NIC now: in a VPC, settled, with a free address.</summary>
    public bool OnlyAcceptingNics { get; init; }

    public string? SearchWord { get; init; }
    public PageRequest Page { get; init; } = new();
}
