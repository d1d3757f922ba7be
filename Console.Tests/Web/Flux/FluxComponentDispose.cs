using Bunit;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class FluxComponentDispose : MudTestContext
{
    private readonly Store _store;

    public FluxComponentDispose()
    {
        Services.AddFluxFixtures();
        _store = Services.GetRequiredService<Store>();
        _store.InitializeAsync().WaitAsync(FluxFixtures.Timeout).GetAwaiter().GetResult();
    }

    private Feature<CounterState> Counter => (Feature<CounterState>)_store.Features["Counter"];

    private Feature<ClockState> Clock => (Feature<ClockState>)_store.Features["Clock"];

    [Fact]
    public async Task LeavesNoSubscriptionBehind()
    {
        Render<CounterView>();
        Render<ClockFrame>();
        Counter.StateChangedSubscriberCount.ShouldBe(2);
        Clock.StateChangedSubscriberCount.ShouldBe(1);
        _store.ActionSubscriptionCount.ShouldBe(1);

        await DisposeComponentsAsync();

        Counter.StateChangedSubscriberCount.ShouldBe(0);
        Clock.StateChangedSubscriberCount.ShouldBe(0);
        _store.ActionSubscriptionCount.ShouldBe(0);
    }

    [Fact]
    public async Task IgnoresStateChangesAfterDispose()
    {
        var view = Render<CounterView>();
        var renders = view.RenderCount;

        await view.Instance.DisposeAsync();
        Services.GetRequiredService<IDispatcher>().Dispatch(new IncrementAction());

        view.RenderCount.ShouldBe(renders);
    }

    [Fact]
    public async Task FailsAtDisposeWhenOnInitializedSkippedTheBase()
    {
        var view = Render<ForgetfulView>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => view.Instance.DisposeAsync().AsTask());

        error.Message.ShouldContain(typeof(ForgetfulView).FullName!);
        error.Message.ShouldContain("without calling base.OnInitialized()");
        Counter.StateChangedSubscriberCount.ShouldBe(0);
    }
}
