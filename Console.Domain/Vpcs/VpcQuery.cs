using NicConsole.Domain.Common;

namespace NicConsole.Domain.Vpcs;

public sealed record VpcQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<VpcStatus> Statuses { get; init; } = [];

    /// <summary>Only the VPC this VxNet has joined.</summary>
    public string? VxNetId { get; init; }

    public string? SearchWord { get; init; }
    public PageRequest Page { get; init; } = new();
}
