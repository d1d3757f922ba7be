using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class StateSelectionNotifications
{
    [Fact]
    public async Task NotifiesOnlyWhenTheSelectedValueChanges()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, int>>();
        var callbacks = new List<int>();
        var selectedValues = new List<int>();
        var stateChanges = 0;
        selection.Select(s => s.Count, selectedValueChanged: callbacks.Add);
        selection.SelectedValueChanged += (_, value) => selectedValues.Add(value);
        selection.StateChanged += (_, _) => stateChanges++;

        flux.Dispatcher.Dispatch(new ResetCounterAction());
        flux.Dispatcher.Dispatch(new IncrementAction());
        flux.Dispatcher.Dispatch(new ResetCounterAction());

        callbacks.ShouldBe([1, 0]);
        selectedValues.ShouldBe([1, 0]);
        stateChanges.ShouldBe(2);
        selection.Value.ShouldBe(0);
    }

    [Fact]
    public async Task TreatsEqualRecordsAsUnchanged()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, CounterState>>();
        var notifications = 0;
        selection.Select(s => s);
        selection.StateChanged += (_, _) => notifications++;

        flux.Dispatcher.Dispatch(new ResetCounterAction());
        notifications.ShouldBe(0);
        flux.Dispatcher.Dispatch(new IncrementAction());

        notifications.ShouldBe(1);
    }

    [Fact]
    public async Task UsesTheGivenEquality()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, int>>();
        var notifications = 0;
        selection.Select(s => s.Count, valueEquals: (a, b) => a / 10 == b / 10);
        selection.StateChanged += (_, _) => notifications++;

        flux.Dispatcher.Dispatch(new AddThenDoubleAction(2));
        notifications.ShouldBe(0);
        flux.Dispatcher.Dispatch(new AddThenDoubleAction(1));

        flux.State<CounterState>().Count.ShouldBe(10);
        notifications.ShouldBe(1);
    }

    [Fact]
    public async Task SelectsOnlyOnce()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, int>>();
        selection.Select(s => s.Count);

        Should.Throw<InvalidOperationException>(() => selection.Select(s => s.Count + 1)).Message.ShouldContain("already");
    }

    [Fact]
    public async Task RefusesToReadTheValueBeforeSelect()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, int>>();

        Should.Throw<InvalidOperationException>(() => selection.Value).Message.ShouldContain("Select");
    }

    [Fact]
    public async Task ListensToTheFeatureOnlyWhileItHasListeners()
    {
        await using var flux = await FluxHarness.StartAsync();
        var selection = flux.Services.GetRequiredService<IStateSelection<CounterState, int>>();
        selection.Select(s => s.Count);
        EventHandler handler = (_, _) => { };

        selection.StateChanged += handler;
        flux.Feature<CounterState>().StateChangedSubscriberCount.ShouldBe(1);
        selection.StateChanged -= handler;

        flux.Feature<CounterState>().StateChangedSubscriberCount.ShouldBe(0);
    }
}
