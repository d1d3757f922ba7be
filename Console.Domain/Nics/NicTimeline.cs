namespace NicConsole.Domain.Nics;

/// <summary>A NIC's events, oldest first; <paramref name="Truncated"/> when its earliest ones were left out.</summary>
public sealed record NicTimeline(string NicId, IReadOnlyList<NicTimelineEntry> Entries, bool Truncated);
