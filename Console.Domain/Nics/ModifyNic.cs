namespace NicConsole.Domain.Nics;

/// <summary>Change a NIC: name and description any time; VxNet and IP only while it is available.</summary>
public sealed record ModifyNic(string NicId, string? Name = null, string? Description = null, string? PrivateIp = null, string? VxNetId = null);
