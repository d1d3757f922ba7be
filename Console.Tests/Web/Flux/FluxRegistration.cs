using System.Reflection;
using NicConsole.Tests.Web.Flux.Fixtures;
using NicConsole.Web.Flux;
using NicConsole.Web.Flux.Exceptions;

namespace NicConsole.Tests.Web.Flux;

public class FluxRegistration
{
    [Fact]
    public async Task RegistersTheFeaturesReducersAndEffectsOfAScannedAssembly()
    {
        var services = new ServiceCollection().AddLogging().AddFluxFixtures();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IStore>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<IDispatcher>();
        await store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);

        dispatcher.Dispatch(new IncrementAction());
        dispatcher.Dispatch(new LoadCounterAction());
        await store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

        store.Features.Keys.Order().ShouldBe(["Clock", "Counter", "History", "Seeded"]);
        scope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(2);
        store.GetMiddlewares().ShouldHaveSingleItem().ShouldBeOfType<TracingMiddleware>();
        scope.ServiceProvider.GetRequiredService<IActionSubscriber>().ShouldBeSameAs(store);
    }

    [Fact]
    public async Task AcceptsTheConsoleWebAssemblyAsTheAppWiresIt()
    {
        await using var app = new ApiFactory();
        await using var scope = app.Services.CreateAsyncScope();

        var store = scope.ServiceProvider.GetRequiredService<IStore>();
        await store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);

        store.Features.Keys.ShouldNotContain("Counter");
    }

    [Fact]
    public async Task GivesEachScopeItsOwnStoreByDefault()
    {
        await using var provider = new ServiceCollection().AddLogging().AddFluxFixtures().BuildServiceProvider(validateScopes: true);
        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();

        var store = first.ServiceProvider.GetRequiredService<IStore>();

        store.ShouldBeSameAs(first.ServiceProvider.GetRequiredService<IStore>());
        store.ShouldNotBeSameAs(second.ServiceProvider.GetRequiredService<IStore>());
        first.ServiceProvider.GetRequiredService<TracingEffects>()
            .ShouldNotBeSameAs(second.ServiceProvider.GetRequiredService<TracingEffects>());
    }

    [Fact]
    public async Task SharesOneStoreWithTheSingletonLifetime()
    {
        await using var provider = new ServiceCollection().AddLogging().AddFluxFixtures(StoreLifetime.Singleton).BuildServiceProvider(validateScopes: true);
        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();

        first.ServiceProvider.GetRequiredService<IStore>().ShouldBeSameAs(second.ServiceProvider.GetRequiredService<IStore>());
    }

    [Fact]
    public void RefusesAStateWithoutAParameterlessConstructor()
    {
        var problem = RegistrationProblem(DynamicAssemblies.StateWithoutParameterlessConstructor());

        problem.ShouldContain("Dynamic.OrphanState has no parameterless constructor");
    }

    [Fact]
    public void RefusesAThrottledState()
    {
        var problem = RegistrationProblem(DynamicAssemblies.ThrottledState(5));

        problem.ShouldContain("MaximumStateChangedNotificationsPerSecond = 5");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RefusesAReducerWithTheWrongNumberOfParameters(int parameterCount)
    {
        var parameters = new[] { typeof(CounterState), typeof(IncrementAction), typeof(int) }[..parameterCount];

        var problem = RegistrationProblem(DynamicAssemblies.Reducer(null, typeof(CounterState), parameters));

        problem.ShouldContain($"[ReducerMethod] Dynamic.Handlers.Handle takes {parameterCount} parameter(s)");
    }

    [Fact]
    public void RefusesAnActionTypeReducerThatAlsoTakesTheAction()
    {
        var assembly = DynamicAssemblies.Reducer(typeof(IncrementAction), typeof(CounterState), typeof(CounterState), typeof(IncrementAction));

        RegistrationProblem(assembly).ShouldContain("takes 2 parameter(s); with [ReducerMethod(typeof(IncrementAction))] it must be (TState state) => TState");
    }

    [Fact]
    public void RefusesAReducerForAStateThatIsNoFeature()
    {
        var assembly = DynamicAssemblies.Reducer(null, typeof(CounterState), typeof(CounterState), typeof(IncrementAction));

        RegistrationProblem(assembly).ShouldContain("which is not a feature state");
    }

    [Fact]
    public void RefusesAnEffectThatReturnsNoTask()
    {
        var assembly = DynamicAssemblies.Effect(null, typeof(void), typeof(IncrementAction), typeof(IDispatcher));

        RegistrationProblem(assembly).ShouldContain("[EffectMethod] Dynamic.Handlers.Handle returns Void");
    }

    [Fact]
    public void RefusesAnEffectWithoutADispatcher()
    {
        var assembly = DynamicAssemblies.Effect(null, typeof(Task), typeof(IncrementAction));

        RegistrationProblem(assembly).ShouldContain("[EffectMethod] Dynamic.Handlers.Handle takes (IncrementAction)");
    }

    [Fact]
    public void RefusesAnActionTypeEffectThatAlsoTakesTheAction()
    {
        var assembly = DynamicAssemblies.Effect(typeof(IncrementAction), typeof(Task), typeof(IncrementAction), typeof(IDispatcher));

        RegistrationProblem(assembly).ShouldContain("with [EffectMethod(typeof(IncrementAction))] it must be (IDispatcher dispatcher) => Task");
    }

    [Fact]
    public void RefusesASecondAddFlux()
    {
        var services = new ServiceCollection().AddFluxFixtures();

        Should.Throw<InvalidOperationException>(() => services.AddFlux(o => o.ScanAssemblies(typeof(CounterState).Assembly)))
            .Message.ShouldContain("AddFlux has already been called");
    }

    private static string RegistrationProblem(Assembly assembly)
    {
        var error = Should.Throw<FluxRegistrationException>(() => new ServiceCollection().AddFlux(o => o.ScanAssemblies(assembly)));
        error.Message.ShouldStartWith("Flux registration failed:");
        return error.Problems.ShouldHaveSingleItem();
    }
}
