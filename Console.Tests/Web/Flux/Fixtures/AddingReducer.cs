using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>A generic reducer, written once; abstract, so the scan registers only its closed subclasses.</summary>
public abstract class AddingReducer<TState> : Reducer<TState, AddToCounterAction>
{
    public override TState Reduce(TState state, AddToCounterAction action) => Add(state, action.Amount);

    protected abstract TState Add(TState state, int amount);
}
