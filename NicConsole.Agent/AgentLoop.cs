using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;

namespace NicConsole.Agent;

/// <summary>
/// The agent: heartbeats, and turns its host's desired state into kernel state. It waits for the state (the console
/// answers as soon as a change concerns the host), applies each new one at once, and applies the last one again every
/// <see cref="AgentOptions.ReconcileSeconds"/> (and at start) to undo drift; after each pass it reports what it changed
/// and what its servers' guests have.
/// A refused token stops it: nothing it could do would be heard.
/// </summary>
public sealed class AgentLoop(ControllerClient console, IDataPlane dataPlane, IOptions<AgentOptions> options, IHostApplicationLifetime lifetime, ILogger<AgentLoop> logger)
    : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(HeartbeatsAsync(stoppingToken), StatesAsync(stoppingToken));
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            logger.LogCritical("The console refused this host's token ({Message}); stopping", ex.Message);
            Environment.ExitCode = 3;
            lifetime.StopApplication();
        }
    }

    private async Task HeartbeatsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan every;
            try
            {
                every = await console.HeartbeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !(ex is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized }))
            {
                logger.LogWarning("Heartbeat failed: {Message}", ex.Message);
                every = Retry;
            }
            await Task.Delay(every, stoppingToken);
        }
    }

    private async Task StatesAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        string? etag = null;
        HostDesiredState? last = null;
        var reconciled = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = TimeSpan.FromSeconds(Math.Clamp(o.WaitSeconds, 0, 60));
                if (await console.StateAsync(etag, last is null ? TimeSpan.Zero : wait, stoppingToken) is { } fresh)
                {
                    (last, etag) = fresh;
                    await ApplyAsync(last, etag, "new state", stoppingToken);
                    reconciled = DateTime.UtcNow;
                }
                else if (last is not null && DateTime.UtcNow - reconciled >= TimeSpan.FromSeconds(o.ReconcileSeconds))
                {
                    await ApplyAsync(last, etag!, "periodic", stoppingToken);
                    reconciled = DateTime.UtcNow;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !(ex is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized }))
            {
                logger.LogWarning("Desired state: {Message}; trying again in {Seconds} s", ex.Message, Retry.TotalSeconds);
                await Task.Delay(Retry, stoppingToken);
            }
        }
    }

    private async Task ApplyAsync(HostDesiredState state, string etag, string why, CancellationToken stoppingToken)
    {
        var report = await dataPlane.ReconcileAsync(state.ToSpec(), BusyResources.None, apply: true, stoppingToken);
        logger.LogInformation("Reconciled ({Why}, state {ETag}): {Servers} servers, {Nics} NICs, {VxNets} VxNets; {Changes} changes, {Errors} errors",
            why, etag, state.Servers.Count, state.Nics.Count, state.VxNets.Count, report.Changes.Count, report.Errors.Count);
        foreach (var error in report.Errors)
        {
            logger.LogWarning("Reconcile: {Error}", error);
        }
        await console.ReportAsync(new AgentReport(etag, report.Changes, report.Errors, [.. report.DriftedServers], await GuestsAsync(state, stoppingToken)), stoppingToken);
    }

    /// <summary>What each server's guest has after the pass, when the data plane can look inside servers (the console shows it on the server's page).</summary>
    private async Task<Dictionary<string, GuestKernelState>?> GuestsAsync(HostDesiredState state, CancellationToken stoppingToken)
    {
        if (dataPlane is not IGuestProbe { Available: true } probe)
        {
            return null;
        }
        var guests = new Dictionary<string, GuestKernelState>(StringComparer.Ordinal);
        foreach (var server in state.Servers)
        {
            try
            {
                if (await probe.ReadAsync(server.Id, stoppingToken) is { } guest)
                {
                    guests[server.Id] = guest;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One server's guest unread leaves it out of the report; the report itself (what jobs wait for) still goes.
                logger.LogWarning("Could not read server {Server}'s guest: {Message}", server.Id, ex.Message);
            }
        }
        return guests;
    }
}
