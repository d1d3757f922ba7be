using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.Jobs;

/// <summary>
/// Runs jobs in the background: woken by each accepted job (on any node, through the change feed), polling in case
/// a change was missed, and taking over, every lease period, the jobs of nodes that stopped.
/// </summary>
public sealed class JobWorker(JobRunner runner, IChangeFeed feed, IOptionsMonitor<JobOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly int _workers = Math.Max(1, options.CurrentValue.Workers);
    private readonly SemaphoreSlim _wake = new(0, Math.Max(1, options.CurrentValue.Workers));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(changes =>
        {
            // Wake the idle loops, at most one per loop: more would only run empty claims.
            if (changes.Any(c => c.Result == OperationResult.Accepted))
            {
                var idle = _workers - _wake.CurrentCount;
                if (idle > 0)
                {
                    try
                    {
                        _wake.Release(idle);
                    }
                    catch (SemaphoreFullException)
                    {
                        // Another change woke them first.
                    }
                }
            }
        });
        await runner.RecoverAsync(stoppingToken, afterRestart: true);
        var loops = Enumerable.Range(0, _workers).Select(_ => LoopAsync(stoppingToken));
        await Task.WhenAll(loops.Append(RecoverLoopAsync(stoppingToken)));
    }

    private async Task RecoverLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.Lease, stoppingToken);
                await runner.RecoverAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Recovering the jobs of stopped nodes failed; it tries again");
            }
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await runner.RunNextAsync(stoppingToken))
                {
                }
                await _wake.WaitAsync(TimeSpan.FromMilliseconds(options.CurrentValue.PollIntervalMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The job worker failed; it carries on");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
