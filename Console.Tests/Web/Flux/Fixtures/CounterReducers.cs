using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public static class CounterReducers
{
    [ReducerMethod]
    public static CounterState ReduceIncrementAction(CounterState state, IncrementAction action) =>
        state with { Count = state.Count + 1 };

    [ReducerMethod]
    public static CounterState ReduceAddThenDoubleActionByAdding(CounterState state, AddThenDoubleAction action) =>
        state with { Count = state.Count + action.Amount };

    [ReducerMethod]
    public static CounterState ReduceAddThenDoubleActionByDoubling(CounterState state, AddThenDoubleAction action) =>
        state with { Count = state.Count * 2 };

    [ReducerMethod(typeof(ResetCounterAction))]
    public static CounterState ReduceResetCounterAction(CounterState state) => new();

    [ReducerMethod(typeof(TouchCounterAction))]
    public static CounterState ReduceTouchCounterAction(CounterState state) => state;

    [ReducerMethod(typeof(VetoedAction))]
    public static CounterState ReduceVetoedAction(CounterState state) => state with { Count = -1 };

    [ReducerMethod(typeof(ExplodeInReducerAction))]
    public static CounterState ReduceExplodeInReducerAction(CounterState state) =>
        throw new InvalidOperationException("reducer exploded");
}
