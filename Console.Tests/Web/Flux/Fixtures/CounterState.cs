using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

[FeatureState(Name = "Counter")]
public sealed record CounterState(int Count)
{
    public CounterState()
        : this(0)
    {
    }
}
