namespace NicConsole.Domain.Dashboard;

/// <summary>NICs created, attached and detached (successfully) in the hour that starts at <see cref="Hour"/> (UTC).</summary>
public sealed record NicActivity(DateTime Hour, int Created, int Attached, int Detached);
