using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Telemetry;
using NicConsole.Domain.Vpcs;

namespace NicConsole.Domain.DataPlane;

/// <summary>
/// Brings the kernel to the database's desired state: every server that is not terminated with its placed NICs, every
/// live VPC's router with a leg on each VxNet joined to it, and the basic network's router (vxnet-0's gateway). What a running job holds (a resource in transition) is left
/// to that job. Each pass is recorded on the <see cref="DataPlaneMonitor"/>.
/// </summary>
public sealed class Reconciler(
    IDbContextFactory<ConsoleDbContext> factory,
    Microsoft.Extensions.Options.IOptionsMonitor<Options.DataPlaneOptions> options,
    Hosts.HostDirectory hosts,
    IDataPlane dataPlane,
    DataPlaneMonitor monitor,
    DataPlaneGate gate,
    TimeProvider time,
    DomainMetrics metrics,
    ILogger<Reconciler> logger)
{
    /// <summary>One pass; with <paramref name="apply"/> false it only reports what differs.</summary>
    public async Task<ReconcileReport> RunAsync(bool apply, CancellationToken cancellationToken)
    {
        // The desired state is read inside the gate, so no job's effect lands between that read and the pass.
        using (await gate.EnterAsync(cancellationToken))
        {
            using var span = ConsoleTelemetry.Source.StartActivity("dataplane reconcile");
            var started = Stopwatch.GetTimestamp();
            var (desired, busy) = await DesiredAsync(cancellationToken);
            var report = await dataPlane.ReconcileAsync(desired, busy, apply, cancellationToken);
            metrics.DataPlaneOperation("reconcile", report.Errors.Count == 0 ? "ok" : "error", Stopwatch.GetElapsedTime(started));
            metrics.Reconciled(apply, report.Changes.Count, report.DriftedServers.Count);
            span?.SetTag("dataplane.changes", report.Changes.Count);
            monitor.Record(time.GetUtcNow().UtcDateTime, report);
            foreach (var error in report.Errors)
            {
                logger.LogWarning("Reconcile: {Error}", error);
            }
            if (report.Changes.Count > 0 || report.Errors.Count > 0)
            {
                logger.LogInformation("Reconcile pass {Mode}: {Changes} changes, {Errors} errors, {Drift} servers drifted",
                    apply ? "applied" : "checked", report.Changes.Count, report.Errors.Count, report.DriftedServers.Count);
            }
            return report;
        }
    }

    /// <summary>The whole desired state, and what running jobs hold.</summary>
    public async Task<(DataPlaneSpec Desired, BusyResources Busy)> DesiredAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // This node's data plane is its own host's; servers on other hosts are their agents'.
        var host = options.CurrentValue.Host;
        var instances = await db.Instances.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status != InstanceStatus.Terminated && i.HostId == host)
            .Select(i => new { i.Id, i.Status, i.Transition })
            .ToListAsync(cancellationToken);
        var vxnets = await db.VxNets.IgnoreQueryFilters().AsNoTracking().Where(x => x.Subnet != null).ToDictionaryAsync(x => x.Id, cancellationToken);
        var nics = await db.Nics.IgnoreQueryFilters().AsNoTracking().Where(n => n.InstanceId != null).ToListAsync(cancellationToken);
        var vpcs = await db.Vpcs.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Status == VpcStatus.Active || v.Status == VpcStatus.Pending)
            .Select(v => new { v.Id, v.Transition })
            .ToListAsync(cancellationToken);

        var running = instances.Where(i => i.Status == InstanceStatus.Running).Select(i => i.Id).ToHashSet();
        var alive = instances.Select(i => i.Id).ToHashSet();
        var legs = vxnets.Values.Where(x => x.VpcId is not null).ToLookup(x => x.VpcId!);
        var desired = DataPlaneSpec.Of(
            instances.Select(i => new ServerSpec(i.Id, running.Contains(i.Id))),
            Specs.Nics(nics.Where(n => alive.Contains(n.InstanceId!)), vxnets, running.Contains),
            // Routers run on the router host only (its gateways are reached over VXLAN from the others).
            await hosts.RouterHostAsync(cancellationToken) == host ? Specs.Routers(vpcs.Select(v => v.Id), vxnets) : []);
        var busy = new BusyResources(
            instances.Where(i => i.Transition != Transition.None).Select(i => i.Id).ToHashSet(),
            nics.Where(n => n.Transition != Transition.None).Select(n => n.Id).ToHashSet(),
            vpcs.Where(v => v.Transition != Transition.None).Select(v => v.Id)
                .Concat(legs.SelectMany(g => g.Where(x => x.Transition != Transition.None).Select(_ => g.Key)))
                .ToHashSet());
        return (desired, busy);
    }
}
