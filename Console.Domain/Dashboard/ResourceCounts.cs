using NicConsole.Domain.Changes;

namespace NicConsole.Domain.Dashboard;

/// <summary>How many resources of one kind there are, by settled status (API names), and how many a job is changing.</summary>
public sealed record ResourceCounts(int Total, IReadOnlyList<StatusCount> ByStatus, int Changing)
{
    public int Of(string status) => ByStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;

    /// <summary>
    /// The counts after <paramref name="touched"/> (resources of this kind): each one's state before leaves its count,
    /// its state after joins one; a state in <paramref name="uncounted"/> (gone) is in no count.
    /// </summary>
    public ResourceCounts After(IEnumerable<Touched> touched, IReadOnlySet<string> uncounted)
    {
        var total = Total;
        var changing = Changing;
        var byStatus = ByStatus.ToDictionary(s => s.Status, s => s.Count);
        foreach (var resource in touched)
        {
            Count(resource.Was, -1);
            Count(resource.Now, +1);
        }
        return new ResourceCounts(total, ByStatus.Select(s => s with { Count = byStatus[s.Status] }).ToList(), changing);

        void Count(ResourceState? state, int by)
        {
            if (state is null || uncounted.Contains(state.Status))
            {
                return;
            }
            total += by;
            changing += state.Changing ? by : 0;
            if (byStatus.ContainsKey(state.Status))
            {
                byStatus[state.Status] += by;
            }
        }
    }
}
