using Microsoft.Extensions.Logging;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>A real store built by AddFlux over this folder's fixtures, in its own service provider and scope.</summary>
public sealed class FluxHarness : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private FluxHarness()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs));
        services.AddFluxFixtures();
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _root.CreateAsyncScope();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public Store Store => Services.GetRequiredService<Store>();

    public IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    public FluxTrace Trace => Services.GetRequiredService<FluxTrace>();

    public static FluxHarness Create() => new();

    public static async Task<FluxHarness> StartAsync()
    {
        var harness = new FluxHarness();
        await harness.Store.InitializeAsync().WaitAsync(FluxFixtures.Timeout);
        harness.Trace.Clear();
        return harness;
    }

    public TState State<TState>() => Services.GetRequiredService<IState<TState>>().Value;

    public Feature<TState> Feature<TState>() => (Feature<TState>)Services.GetRequiredService<IFeature<TState>>();

    public Task IdleAsync() => Store.WhenIdle().WaitAsync(FluxFixtures.Timeout);

    public List<Exception> CaptureUnhandledExceptions()
    {
        var exceptions = new List<Exception>();
        Store.UnhandledException += (_, e) =>
        {
            lock (exceptions)
            {
                exceptions.Add(e.Exception);
            }
        };
        return exceptions;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
