namespace NicConsole.Domain.Common;

/// <summary>An asynchronous use case was accepted: its job and the resources it created or changes.</summary>
public sealed record Accepted(string JobId, IReadOnlyList<string> ResourceIds);
