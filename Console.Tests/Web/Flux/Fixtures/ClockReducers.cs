using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public static class ClockReducers
{
    [ReducerMethod(typeof(TickAction))]
    public static ClockState ReduceTickAction(ClockState state) => state with { Ticks = state.Ticks + 1 };
}
