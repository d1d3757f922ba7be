namespace NicConsole.Domain.Changes;

/// <summary>
/// What an open page shows, as far as changes go: rows of one <see cref="Kind"/> that pass its filters, the ids its rows
/// name, and the rows that count what sits in them. A committed change alters the page only if it touched a resource
/// of that kind that passes the filters (before or after the change: it may have left the page or joined it), a
/// resource the page names, or a resource inside one it counts; a change that does not say what it touched alters
/// every page. Every set compares ids without regard to case, as the API does.
/// </summary>
public sealed record LiveScope(string Kind)
{
    /// <summary>The ids a row must have (the page is filtered on ids); empty: any.</summary>
    public IReadOnlySet<string> Ids { get; init; } = Empty;

    /// <summary>The statuses a row must have (API names); empty: any.</summary>
    public IReadOnlySet<string> Statuses { get; init; } = Empty;

    /// <summary>Container filters: a row sits in one of each set's ids (a VxNet, a server, a VPC); an empty set filters nothing.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Within { get; init; } = [];

    /// <summary>The ids the page names: its rows, and the resources they show by name (a NIC's VxNet and server).</summary>
    public IReadOnlySet<string> Shown { get; init; } = Empty;

    /// <summary>The resources whose contents the page counts or lists (a VxNet's NICs, a VPC's VxNets).</summary>
    public IReadOnlySet<string> Counting { get; init; } = Empty;

    /// <summary>Other kinds any change of which may alter the page: it is sorted by something they hold (a VxNet's name, its NIC count).</summary>
    public IReadOnlySet<string> AnyOf { get; init; } = Empty;

    /// <summary>A page of one resource (a detail drawer, a server's page): it, what sits in it, and the other ids it names.</summary>
    public static LiveScope One(string kind, string id, IEnumerable<string?>? names = null) => new(kind)
    {
        Ids = Set([id]),
        Shown = Set((names ?? []).Append(id)),
        Counting = Set([id]),
    };

    public static IReadOnlySet<string> Empty { get; } = new HashSet<string>();

    /// <summary>The ids given, without nulls and blanks, compared without regard to case.</summary>
    public static IReadOnlySet<string> Set(IEnumerable<string?> ids) =>
        ids.Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.OrdinalIgnoreCase)!;

    public bool IsAlteredBy(IEnumerable<ResourceChange> changes) => changes.Any(IsAlteredBy);

    public bool IsAlteredBy(ResourceChange change) => change.Touched is not { } touched || touched.Any(Alters);

    private bool Alters(Touched resource) =>
        Shown.Contains(resource.Id) || resource.IsIn(Counting) || AnyOf.Contains(resource.Kind) || (resource.Kind == Kind && Passes(resource));

    private bool Passes(Touched resource) =>
        (Ids.Count == 0 || Ids.Contains(resource.Id))
        && (Statuses.Count == 0 || resource.HadOrHas(Statuses) || resource is { Was: null, Now: null })
        && Within.All(within => within.Count == 0 || resource.IsIn(within));
}
