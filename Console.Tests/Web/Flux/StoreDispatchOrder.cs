using NicConsole.Tests.Web.Flux.Fixtures;

namespace NicConsole.Tests.Web.Flux;

public class StoreDispatchOrder
{
    [Fact]
    public async Task RunsMiddlewareReducersSubscribersAfterDispatchThenEffects()
    {
        await using var flux = await FluxHarness.StartAsync();
        flux.Store.SubscribeToAction<TracedAction>(this, _ => flux.Trace.Add("subscriber"));

        flux.Dispatcher.Dispatch(new TracedAction());
        await flux.IdleAsync();

        flux.Trace.Entries.ShouldBe(
        [
            "may:TracedAction", "before:TracedAction", "reducer:Counter", "reducer:History",
            "subscriber", "after:TracedAction", "effect:start", "effect:end",
        ]);
    }

    [Fact]
    public async Task QueuesAReentrantDispatchBehindTheCurrentAction()
    {
        await using var flux = await FluxHarness.StartAsync();
        int? ticksRightAfterDispatch = null;
        flux.Store.SubscribeToAction<IncrementAction>(this, _ =>
        {
            flux.Dispatcher.Dispatch(new TickAction());
            ticksRightAfterDispatch = flux.State<ClockState>().Ticks;
        });

        flux.Dispatcher.Dispatch(new IncrementAction());
        await flux.IdleAsync();

        ticksRightAfterDispatch.ShouldBe(0);
        flux.State<ClockState>().Ticks.ShouldBe(1);
        flux.Trace.Entries.ShouldBe(
        [
            "may:IncrementAction", "before:IncrementAction", "after:IncrementAction",
            "may:TickAction", "before:TickAction", "after:TickAction",
        ]);
    }

    [Fact]
    public async Task KeepsActionsDispatchedBeforeInitialisationAndRunsThemAfterStoreInitializedAction()
    {
        await using var flux = FluxHarness.Create();

        flux.Dispatcher.Dispatch(new IncrementAction());
        flux.Dispatcher.Dispatch(new IncrementAction());

        flux.State<CounterState>().Count.ShouldBe(0);
        flux.Store.Initialized.IsCompleted.ShouldBeFalse();
        await flux.Store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);
        flux.State<CounterState>().Count.ShouldBe(2);
        flux.Trace.Entries.Take(3).ShouldBe(["init", "after-init", "may:StoreInitializedAction"]);
        flux.Trace.Entries.Where(e => e.StartsWith("may:")).ShouldBe(
            ["may:StoreInitializedAction", "may:IncrementAction", "may:IncrementAction"]);
    }

    [Fact]
    public async Task InitialisesOnceHoweverOftenInitializeAsyncIsCalled()
    {
        await using var flux = FluxHarness.Create();

        var first = flux.Store.InitializeAsync();
        var second = flux.Store.InitializeAsync();
        await Task.WhenAll(first, second).WaitAsync(FluxFixtures.Timeout);
        await flux.Store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);

        second.ShouldBeSameAs(first);
        flux.Store.Initialized.IsCompletedSuccessfully.ShouldBeTrue();
        flux.Trace.Entries.Count(e => e == "init").ShouldBe(1);
        flux.Trace.Entries.Count(e => e == "may:StoreInitializedAction").ShouldBe(1);
    }

    [Fact]
    public async Task DropsAnActionThatAMiddlewareRefuses()
    {
        await using var flux = await FluxHarness.StartAsync();

        flux.Dispatcher.Dispatch(new VetoedAction());
        await flux.IdleAsync();

        flux.State<CounterState>().Count.ShouldBe(0);
        flux.Trace.Entries.ShouldBe(["may:VetoedAction"]);
    }

    [Fact]
    public async Task ReportsAThrowingMiddlewareAndKeepsProcessingLaterActions()
    {
        await using var flux = await FluxHarness.StartAsync();
        var unhandled = flux.CaptureUnhandledExceptions();

        flux.Dispatcher.Dispatch(new ExplodeInMiddlewareAction());
        flux.Dispatcher.Dispatch(new IncrementAction());
        await flux.IdleAsync();

        unhandled.ShouldHaveSingleItem().Message.ShouldBe("middleware exploded");
        flux.State<CounterState>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ProcessesActionsFromManyThreadsOneAtATime()
    {
        await using var flux = await FluxHarness.StartAsync();
        var dispatcher = flux.Dispatcher;
        using var start = new Barrier(4);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(FluxFixtures.Timeout);
            for (var i = 0; i < 2000; i++)
            {
                dispatcher.Dispatch(new IncrementAction());
            }
        }, TaskCreationOptions.LongRunning))).WaitAsync(FluxFixtures.Timeout);
        await flux.IdleAsync();

        flux.State<CounterState>().Count.ShouldBe(8000);
    }

    [Fact]
    public async Task RefusesANullAction()
    {
        await using var flux = await FluxHarness.StartAsync();

        Should.Throw<ArgumentNullException>(() => flux.Dispatcher.Dispatch(null!));
    }
}
