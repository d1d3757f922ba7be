using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Bench.LiveLatency;

/// <summary>A store as one circuit of a node has it, noting when each change arrives as a <see cref="ResourcesChangedAction"/>.</summary>
public sealed class StoreProbe : IDisposable
{
    private readonly IServiceScope _scope;
    private readonly List<long> _arrivals = [];

    private StoreProbe(IServiceScope scope) => _scope = scope;

    public int Count
    {
        get
        {
            lock (_arrivals)
            {
                return _arrivals.Count;
            }
        }
    }

    public long this[int index]
    {
        get
        {
            lock (_arrivals)
            {
                return _arrivals[index];
            }
        }
    }

    public static async Task<StoreProbe> OpenAsync(IServiceProvider node)
    {
        var probe = new StoreProbe(node.CreateScope());
        // A circuit hears the changes its operator may see: the probe's is an Admin's, who sees every tenant's.
        var @operator = probe._scope.ServiceProvider.GetRequiredService<NicConsole.Web.Operators.CurrentOperator>();
        (@operator.Role, @operator.Tenant) = (NicConsole.Domain.Common.Role.Admin, NicConsole.Domain.Common.OperationContext.DefaultTenant);
        var store = probe._scope.ServiceProvider.GetRequiredService<IStore>();
        store.SubscribeToAction<ResourcesChangedAction>(probe, _ =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (probe._arrivals)
            {
                probe._arrivals.Add(now);
            }
        });
        await store.InitializeAsync();
        await store.WhenIdle();
        return probe;
    }

    public void Dispose() => _scope.Dispose();
}
