using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>An effect class with an injected service.</summary>
public sealed class AddLaterEffect(FluxTrace trace) : Effect<AddLaterAction>
{
    public override async Task HandleAsync(AddLaterAction action, IDispatcher dispatcher)
    {
        trace.Add($"{nameof(AddLaterEffect)}:{action.Amount}");
        await Task.Yield();
        dispatcher.Dispatch(new AddToCounterAction(action.Amount));
    }
}
