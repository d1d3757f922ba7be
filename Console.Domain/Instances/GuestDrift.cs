namespace NicConsole.Domain.Instances;

/// <summary>One way the guest's kernel differs from the database: on <see cref="Interface"/>, what the database expects and what the kernel has.</summary>
public sealed record GuestDrift(GuestDriftKind Kind, string Interface, string? Expected = null, string? Actual = null);
