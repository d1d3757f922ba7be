namespace NicConsole.Domain.Instances;

/// <summary>An address a server can be asked to reach: a gateway of one of its VxNets, or another NIC of its VPCs.</summary>
public sealed record ConnectivityTarget(ConnectivityTargetKind Kind, string Address, string ResourceId, string Name);
