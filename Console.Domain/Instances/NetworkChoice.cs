namespace NicConsole.Domain.Instances;

/// <summary>A VxNet a new server gets a NIC in, with its address pinned or automatic.</summary>
public sealed record NetworkChoice(string VxNetId, string? PrivateIp = null);
