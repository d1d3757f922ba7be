namespace NicConsole.Web.Features.Instances.Store;

/// <summary>Opens the connectivity check of a server (from a NIC of it, in the NIC drawer).</summary>
public sealed record LoadConnectivityAction(string InstanceId, string? NicId = null);
