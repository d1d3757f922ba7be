using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class TracingReducers(FluxTrace trace)
{
    [ReducerMethod]
    public CounterState ReduceTracedAction(CounterState state, TracedAction action)
    {
        trace.Add("reducer:Counter");
        return state;
    }

    [ReducerMethod]
    public HistoryState ReduceTracedAction(HistoryState state, TracedAction action)
    {
        trace.Add("reducer:History");
        return state with { Entries = state.Entries.Add(nameof(TracedAction)) };
    }
}
