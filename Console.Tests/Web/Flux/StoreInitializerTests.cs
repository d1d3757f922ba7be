using Bunit;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

public class StoreInitializerTests : MudTestContext
{
    private readonly Store _store;

    public StoreInitializerTests()
    {
        Services.AddFluxFixtures();
        _store = Services.GetRequiredService<Store>();
    }

    [Fact]
    public async Task InitialisesTheStoreAfterItsFirstRender()
    {
        Services.GetRequiredService<IDispatcher>().Dispatch(new IncrementAction());
        _store.Initialized.IsCompleted.ShouldBeFalse();

        Render<StoreInitializer>();

        await _store.Initialized.WaitAsync(FluxFixtures.Timeout);
        Services.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PassesUnhandledExceptionsToItsCallback()
    {
        var handled = new List<Exception>();
        Render<StoreInitializer>(ps => ps.Add(p => p.UnhandledException, e =>
        {
            handled.Add(e.Exception);
            e.Handled();
        }));
        await _store.Initialized.WaitAsync(FluxFixtures.Timeout);

        Services.GetRequiredService<IDispatcher>().Dispatch(new FailInEffectAction());
        await _store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

        await WaitUntil(() => handled.Count == 1);
        handled[0].Message.ShouldBe("effect failed");
        Renderer.UnhandledException.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task RethrowsUnhandledExceptionsNobodyHandled()
    {
        Render<StoreInitializer>();
        await _store.Initialized.WaitAsync(FluxFixtures.Timeout);

        Services.GetRequiredService<IDispatcher>().Dispatch(new FailInEffectAction());

        var error = await Renderer.UnhandledException.WaitAsync(FluxFixtures.Timeout);
        error.GetBaseException().ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("effect failed");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(FluxFixtures.Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
