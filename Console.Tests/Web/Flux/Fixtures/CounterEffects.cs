using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class CounterEffects
{
    [EffectMethod]
    public static async Task HandleLoadCounterAction(LoadCounterAction action, IDispatcher dispatcher)
    {
        await Task.Yield();
        dispatcher.Dispatch(new IncrementAction());
    }

    [EffectMethod(typeof(FailInEffectAction))]
    public async Task HandleFailInEffectAction(IDispatcher dispatcher)
    {
        await Task.Yield();
        throw new InvalidOperationException("effect failed");
    }

    [EffectMethod(typeof(FailBeforeAwaitAction))]
    public Task HandleFailBeforeAwaitAction(IDispatcher dispatcher) =>
        throw new InvalidOperationException("effect failed before its first await");
}
