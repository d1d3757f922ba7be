namespace NicConsole.Domain.Common;

/// <summary>
/// One page of a list. A limit of 0 means the default (20), a larger one than 100 is capped; negative
/// values are refused. Without <see cref="SortBy"/> lists run newest first, then by id, so paging is stable.
/// </summary>
public sealed record PageRequest(int Offset = 0, int Limit = Limits.DefaultPageSize, string? SortBy = null, bool Descending = false)
{
    public DomainError? Refusal() => Offset < 0 || Limit < 0 ? DomainErrors.InvalidPage() : null;

    public int EffectiveLimit => Limit == 0 ? Limits.DefaultPageSize : Math.Min(Limit, Limits.MaxPageSize);
}
