namespace NicConsole.Domain.Common;

/// <summary>One page of a list, and how many items match before paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
