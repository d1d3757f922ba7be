using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.DataPlane;

/// <summary>
/// Runs the <see cref="Reconciler"/> where the data plane is real: once at start, before the job worker claims a job
/// (hosted services start in order, and this one is registered before it), then every
/// <c>DataPlane:ReconcileSeconds</c> and soon after any job fails. A simulation has nothing to reconcile. While it
/// runs it holds the <see cref="DataPlaneLock"/> of its prefix.
/// </summary>
public sealed class ReconcileWorker(Reconciler reconciler, IDataPlane dataPlane, IChangeFeed feed, IOptionsMonitor<DataPlaneOptions> options, ILogger<ReconcileWorker> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _failed = new(0, 1);
    private DataPlaneLock? _lock;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (dataPlane.IsReal)
        {
            _lock = DataPlaneLock.TryTake(options.CurrentValue.Prefix, out var holder)
                ?? throw new InvalidOperationException($"The data plane is in use: {holder}. Stop it, or give this console another DataPlane:Prefix.");
            await PassAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dataPlane.IsReal)
        {
            return;
        }
        using var subscription = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c is { Result: OperationResult.Failed, JobId: not null }) && _failed.CurrentCount == 0)
            {
                try
                {
                    _failed.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already asked for.
                }
            }
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _failed.WaitAsync(options.CurrentValue.ReconcileInterval, stoppingToken);
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            await reconciler.RunAsync(apply: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A reconcile pass failed; the next one tries again");
        }
    }

    public override void Dispose()
    {
        _failed.Dispose();
        _lock?.Dispose();
        base.Dispose();
    }
}
