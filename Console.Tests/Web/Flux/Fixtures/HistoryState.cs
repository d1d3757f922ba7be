using System.Collections.Immutable;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

[FeatureState(Name = "History")]
public sealed record HistoryState(ImmutableList<string> Entries)
{
    public HistoryState()
        : this(ImmutableList<string>.Empty)
    {
    }
}
