using NicConsole.Tests.Web.Flux.Fixtures;

namespace NicConsole.Tests.Web.Flux;

public class ActionSubscriptions
{
    [Fact]
    public async Task DeliversEveryActionAssignableToTheSubscribedType()
    {
        await using var flux = await FluxHarness.StartAsync();
        var exact = new List<object>();
        var byInterface = new List<object>();
        var everything = new List<object>();
        flux.Store.SubscribeToAction<IncrementAction>(this, exact.Add);
        flux.Store.SubscribeToAction<ICounterAction>(this, byInterface.Add);
        flux.Store.SubscribeToAction<object>(this, everything.Add);

        flux.Dispatcher.Dispatch(new IncrementAction());
        flux.Dispatcher.Dispatch(new AddThenDoubleAction(1));
        flux.Dispatcher.Dispatch(new TickAction());

        exact.ShouldBe([new IncrementAction()]);
        byInterface.ShouldBe([new IncrementAction(), new AddThenDoubleAction(1)]);
        everything.ShouldBe([new IncrementAction(), new AddThenDoubleAction(1), new TickAction()]);
    }

    [Fact]
    public async Task StopsDeliveringAfterUnsubscribeFromAllActions()
    {
        await using var flux = await FluxHarness.StartAsync();
        var mine = new List<object>();
        var others = new List<object>();
        var otherSubscriber = new object();
        flux.Store.SubscribeToAction<IncrementAction>(this, mine.Add);
        flux.Store.SubscribeToAction<TickAction>(this, mine.Add);
        flux.Store.SubscribeToAction<IncrementAction>(otherSubscriber, others.Add);

        flux.Store.UnsubscribeFromAllActions(this);
        flux.Dispatcher.Dispatch(new IncrementAction());
        flux.Dispatcher.Dispatch(new TickAction());

        mine.ShouldBeEmpty();
        others.Count.ShouldBe(1);
        flux.Store.ActionSubscriptionCount.ShouldBe(1);
    }

    [Fact]
    public async Task StopsDeliveringOnceTheUnsubscriberIsDisposed()
    {
        await using var flux = await FluxHarness.StartAsync();
        var received = new List<object>();
        flux.Store.SubscribeToAction<IncrementAction>(this, received.Add);

        using (flux.Store.GetActionUnsubscriberAsIDisposable(this))
        {
            flux.Dispatcher.Dispatch(new IncrementAction());
        }
        flux.Dispatcher.Dispatch(new IncrementAction());

        received.Count.ShouldBe(1);
        flux.Store.ActionSubscriptionCount.ShouldBe(0);
    }

    [Fact]
    public async Task ReportsAThrowingSubscriberAndStillCallsTheOthers()
    {
        await using var flux = await FluxHarness.StartAsync();
        var unhandled = flux.CaptureUnhandledExceptions();
        var received = 0;
        flux.Store.SubscribeToAction<IncrementAction>(this, _ => throw new InvalidOperationException("subscriber failed"));
        flux.Store.SubscribeToAction<IncrementAction>(this, _ => received++);

        flux.Dispatcher.Dispatch(new IncrementAction());
        flux.Dispatcher.Dispatch(new IncrementAction());

        received.ShouldBe(2);
        unhandled.Count.ShouldBe(2);
        unhandled.ShouldAllBe(e => e.Message == "subscriber failed");
        flux.State<CounterState>().Count.ShouldBe(2);
    }
}
