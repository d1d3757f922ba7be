using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class TracingEffects(FluxTrace trace)
{
    [EffectMethod(typeof(TracedAction))]
    public async Task HandleTracedAction(IDispatcher dispatcher)
    {
        trace.Add("effect:start");
        await Task.Yield();
        trace.Add("effect:end");
    }

    [EffectMethod(typeof(GatedAction))]
    public async Task HandleGatedActionFirst(IDispatcher dispatcher)
    {
        trace.Add("first:start");
        await trace.Gate.Task;
        trace.Add("first:end");
    }

    [EffectMethod(typeof(GatedAction))]
    public async Task HandleGatedActionSecond(IDispatcher dispatcher)
    {
        trace.Add("second:start");
        await trace.Gate.Task;
        trace.Add("second:end");
    }
}
