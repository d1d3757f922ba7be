using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux;

/// <summary><see cref="Reducer{TState, TAction}"/> and <see cref="Effect{TAction}"/> subclasses found by the scan.</summary>
public class ReducerAndEffectClasses
{
    private static async Task<(AsyncServiceScope Scope, IStore Store, IDispatcher Dispatcher)> StartAsync(ServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IStore>();
        await store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);
        return (scope, store, scope.ServiceProvider.GetRequiredService<IDispatcher>());
    }

    [Fact]
    public async Task AClosedSubclassOfAGenericReducerReducesItsFeature()
    {
        await using var provider = new ServiceCollection().AddLogging().AddFluxFixtures().BuildServiceProvider(validateScopes: true);
        var (scope, store, dispatcher) = await StartAsync(provider);
        await using var _ = scope;

        dispatcher.Dispatch(new AddToCounterAction(3));
        await store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

        scope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(3);
    }

    [Fact]
    public async Task AnEffectClassGetsItsServicesAndItsDispatchesAreReduced()
    {
        await using var provider = new ServiceCollection().AddLogging().AddFluxFixtures().BuildServiceProvider(validateScopes: true);
        var (scope, store, dispatcher) = await StartAsync(provider);
        await using var _ = scope;

        dispatcher.Dispatch(new AddLaterAction(2));
        await store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

        scope.ServiceProvider.GetRequiredService<FluxTrace>().Entries.ShouldContain("AddLaterEffect:2");
        scope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ReducerAndEffectClassesLiveAsLongAsTheStore()
    {
        await using var provider = new ServiceCollection().AddLogging().AddFluxFixtures().BuildServiceProvider(validateScopes: true);
        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();

        var effect = first.ServiceProvider.GetRequiredService<AddLaterEffect>();

        effect.ShouldBeSameAs(first.ServiceProvider.GetRequiredService<AddLaterEffect>());
        effect.ShouldNotBeSameAs(second.ServiceProvider.GetRequiredService<AddLaterEffect>());
        first.ServiceProvider.GetRequiredService<CounterAddingReducer>()
            .ShouldNotBeSameAs(second.ServiceProvider.GetRequiredService<CounterAddingReducer>());
    }

    [Fact]
    public void TheAbstractGenericReducerIsNotRegistered()
    {
        var services = new ServiceCollection().AddLogging().AddFluxFixtures();

        services.ShouldNotContain(s => s.ServiceType.IsGenericType && s.ServiceType.GetGenericTypeDefinition() == typeof(AddingReducer<>));
        services.ShouldContain(s => s.ServiceType == typeof(CounterAddingReducer));
    }
}
