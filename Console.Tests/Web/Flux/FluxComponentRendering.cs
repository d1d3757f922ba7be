using Bunit;
using Microsoft.AspNetCore.Components;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class FluxComponentRendering : MudTestContext
{
    private readonly Store _store;

    public FluxComponentRendering()
    {
        Services.AddFluxFixtures();
        _store = Services.GetRequiredService<Store>();
        _store.InitializeAsync().WaitAsync(FluxFixtures.Timeout).GetAwaiter().GetResult();
    }

    private IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    [Fact]
    public void ReRendersWhenTheStateChanges()
    {
        var view = Render<CounterView>();
        view.Find("#count").TextContent.ShouldBe("0");

        Dispatcher.Dispatch(new IncrementAction());

        view.WaitForAssertion(() => view.Find("#count").TextContent.ShouldBe("1"), FluxFixtures.Timeout);
    }

    [Fact]
    public async Task ReRendersWhenAStateChangesOffTheRendererThread()
    {
        var view = Render<CounterView>();

        await Task.Run(() => Dispatcher.Dispatch(new LoadCounterAction())).WaitAsync(FluxFixtures.Timeout);
        await _store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

        view.WaitForAssertion(() => view.Find("#positive").TextContent.ShouldBe("yes"), FluxFixtures.Timeout);
    }

    [Fact]
    public void RunsActionCallbacksAndReRenders()
    {
        var view = Render<CounterView>();

        Dispatcher.Dispatch(new TickAction());
        Dispatcher.Dispatch(new IncrementAction());
        Dispatcher.Dispatch(new TickAction());

        view.WaitForAssertion(() => view.Find("#ticks-seen").TextContent.ShouldBe("2"), FluxFixtures.Timeout);
    }

    [Fact]
    public void AnActionCallbackThatAsksForNoRenderRunsWithoutOne()
    {
        var view = Render<QuietView>();
        var renders = view.Instance.Renders;

        Dispatcher.Dispatch(new TickAction());
        Dispatcher.Dispatch(new TickAction());
        Dispatcher.Dispatch(new TickAction());

        view.WaitForAssertion(() => view.Instance.TicksHeard.ShouldBe(3), FluxFixtures.Timeout);
        view.Instance.Renders.ShouldBe(renders);
    }

    [Fact]
    public void ReRendersAComponentAroundOtherContentWhenItsStateChanges()
    {
        var frame = Render<ClockFrame>(ps => ps.Add(p => p.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        frame.Find("#ticks").TextContent.ShouldBe("0");

        Dispatcher.Dispatch(new TickAction());

        frame.WaitForAssertion(() => frame.Find("#ticks").TextContent.ShouldBe("1"), FluxFixtures.Timeout);
        frame.Markup.ShouldContain("page");
    }
}
