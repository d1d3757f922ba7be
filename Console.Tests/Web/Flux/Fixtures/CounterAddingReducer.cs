namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class CounterAddingReducer : AddingReducer<CounterState>
{
    protected override CounterState Add(CounterState state, int amount) => state with { Count = state.Count + amount };
}
