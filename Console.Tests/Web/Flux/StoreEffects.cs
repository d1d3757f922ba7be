using Microsoft.Extensions.Logging;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class StoreEffects
{
    [Fact]
    public async Task RunsAnEffectAndTheActionItDispatches()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.Dispatcher.Dispatch(new LoadCounterAction());
        await flux.IdleAsync();

        flux.State<CounterState>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task StartsEveryEffectOfAnActionBeforeAwaitingThem()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.Dispatcher.Dispatch(new GatedAction());

        flux.Trace.Entries.ShouldBe(["may:GatedAction", "before:GatedAction", "after:GatedAction", "first:start", "second:start"]);
        flux.Store.WhenIdle().IsCompleted.ShouldBeFalse();
        flux.Trace.Gate.SetResult();
        await flux.IdleAsync();
        flux.Trace.Entries.ShouldContain("first:end");
        flux.Trace.Entries.ShouldContain("second:end");
    }

    [Fact]
    public async Task RaisesAndLogsAFailedEffectAndKeepsWorking()
    {
        await using var flux = await FluxHarness.StartAsync();
        NicConsole.Web.Flux.Exceptions.UnhandledExceptionEventArgs? raised = null;
        flux.Store.UnhandledException += (_, e) => raised = e;

        flux.Dispatcher.Dispatch(new FailInEffectAction());
        await flux.IdleAsync();
        flux.Dispatcher.Dispatch(new LoadCounterAction());
        await flux.IdleAsync();

        raised.ShouldNotBeNull();
        raised.Exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("effect failed");
        raised.Action.ShouldBeOfType<FailInEffectAction>();
        flux.Logs.Logs.ShouldContain(l => l.Level == LogLevel.Error && l.Exception == raised.Exception && l.Category == typeof(Store).FullName);
        flux.State<CounterState>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReportsAnEffectThatThrowsBeforeItsFirstAwait()
    {
        await using var flux = await FluxHarness.StartAsync();
        var unhandled = flux.CaptureUnhandledExceptions();

        flux.Dispatcher.Dispatch(new FailBeforeAwaitAction());
        await flux.IdleAsync();
        flux.Dispatcher.Dispatch(new IncrementAction());

        unhandled.ShouldHaveSingleItem().Message.ShouldBe("effect failed before its first await");
        flux.State<CounterState>().Count.ShouldBe(1);
    }
}
