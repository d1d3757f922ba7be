using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public static class HistoryReducers
{
    [ReducerMethod(typeof(ExplodeInReducerAction))]
    public static HistoryState ReduceExplodeInReducerAction(HistoryState state) =>
        state with { Entries = state.Entries.Add(nameof(ExplodeInReducerAction)) };
}
