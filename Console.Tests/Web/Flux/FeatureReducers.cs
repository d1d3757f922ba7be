using Microsoft.Extensions.Logging;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class FeatureReducers
{
    [Fact]
    public async Task ReplacesTheStateAndRaisesStateChangedForANewReference()
    {
        await using var flux = await FluxHarness.StartAsync();
        var before = flux.State<CounterState>();
        var changes = 0;
        flux.Feature<CounterState>().StateChanged += (_, _) => changes++;

        flux.Dispatcher.Dispatch(new IncrementAction());

        flux.State<CounterState>().ShouldNotBeSameAs(before);
        flux.State<CounterState>().Count.ShouldBe(1);
        changes.ShouldBe(1);
    }

    [Fact]
    public async Task KeepsTheStateAndStaysQuietWhenTheReducerReturnsTheSameReference()
    {
        await using var flux = await FluxHarness.StartAsync();
        var before = flux.State<CounterState>();
        var changes = 0;
        flux.Feature<CounterState>().StateChanged += (_, _) => changes++;

        flux.Dispatcher.Dispatch(new TouchCounterAction());

        flux.State<CounterState>().ShouldBeSameAs(before);
        changes.ShouldBe(0);
    }

    [Fact]
    public async Task RaisesStateChangedForAnEqualButNewState()
    {
        await using var flux = await FluxHarness.StartAsync();
        var changes = 0;
        flux.Feature<CounterState>().StateChanged += (_, _) => changes++;

        flux.Dispatcher.Dispatch(new ResetCounterAction());

        changes.ShouldBe(1);
    }

    [Fact]
    public async Task RunsEveryReducerOfAnActionInSequence()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.Dispatcher.Dispatch(new AddThenDoubleAction(3));

        flux.State<CounterState>().Count.ShouldBe(6);
    }

    [Fact]
    public async Task ReducesAFeatureClassWithAnActionTypeReducer()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.Dispatcher.Dispatch(new TickAction());
        flux.Dispatcher.Dispatch(new TickAction());

        flux.State<ClockState>().Ticks.ShouldBe(2);
    }

    [Fact]
    public async Task StartsFromTheNamedInitialStateFactory()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.State<SeededState>().Seed.ShouldBe(42);
    }

    [Fact]
    public async Task ReportsAThrowingReducerAndKeepsProcessingLaterActions()
    {
        await using var flux = await FluxHarness.StartAsync();
        var unhandled = flux.CaptureUnhandledExceptions();

        flux.Dispatcher.Dispatch(new ExplodeInReducerAction());
        flux.Dispatcher.Dispatch(new IncrementAction());
        await flux.IdleAsync();

        unhandled.ShouldHaveSingleItem().Message.ShouldBe("reducer exploded");
        flux.State<HistoryState>().Entries.ShouldBe([nameof(ExplodeInReducerAction)]);
        flux.State<CounterState>().Count.ShouldBe(1);
        flux.Logs.Logs.ShouldContain(l => l.Level == LogLevel.Error && l.Exception == unhandled[0]);
    }
}
