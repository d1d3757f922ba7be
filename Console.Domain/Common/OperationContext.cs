namespace NicConsole.Domain.Common;

/// <summary>Who asks, and in which zone: every use case runs on behalf of one.</summary>
public sealed record OperationContext(string User, string Zone);
