using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Telemetry;

/// <summary>
/// The domain's instruments: jobs (completed, run and wait times, lease takeovers, queue depth, stuck), the data plane
/// (operation time by kind and outcome, reconcile changes and drift), use cases (time by use case and result), changes
/// published, and the gauges an operator pages on: VxNets and servers above 90 % of their NICs. The gauges read the
/// database only when a reader collects them (a scrape), at most once per <see cref="SampleEvery"/> for all of them.
/// </summary>
public sealed class DomainMetrics
{
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    /// <summary>A VxNet with more NICs than this (90 % of 252) is near full.</summary>
    public const int VxNetNearFull = Limits.NicsPerVxNet * 9 / 10;

    /// <summary>A server with more NICs than this (90 % of 64) is near full.</summary>
    public const int ServerNearFull = Limits.NicsPerServer * 9 / 10;

    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly StuckJobPolicy _stuck;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Sample? _sample;
    private long _sampledAt;

    private readonly Counter<long> _jobsCompleted;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _jobWait;
    private readonly Counter<long> _takeovers;
    private readonly Histogram<double> _dataPlane;
    private readonly Counter<long> _reconcileChanges;
    private readonly Counter<long> _drift;
    private readonly Histogram<double> _useCases;
    private readonly Counter<long> _published;

    public DomainMetrics(IMeterFactory meters, IDbContextFactory<ConsoleDbContext> factory, StuckJobPolicy stuck, TimeProvider time)
    {
        (_factory, _stuck, _time) = (factory, stuck, time);
        var jobs = meters.Create(ConsoleTelemetry.JobsMeter);
        _jobsCompleted = jobs.CreateCounter<long>("nicconsole.jobs.completed", "{job}", "Jobs settled, by action and result.");
        _jobDuration = jobs.CreateHistogram<double>("nicconsole.job.duration", "s", "From a node taking a job to its settling, by action and result.",
            advice: ConsoleTelemetry.Seconds);
        _jobWait = jobs.CreateHistogram<double>("nicconsole.job.wait", "s", "From a job's acceptance to a node taking it, by action.",
            advice: ConsoleTelemetry.Seconds);
        _takeovers = jobs.CreateCounter<long>("nicconsole.jobs.lease_takeovers", "{job}", "Jobs whose node stopped holding them: run again (requeued) or failed.");
        jobs.CreateObservableGauge("nicconsole.jobs.queued", () => Measure(s => [
            new Measurement<long>(s.Pending, new KeyValuePair<string, object?>("job.status", "pending")),
            new Measurement<long>(s.Working, new KeyValuePair<string, object?>("job.status", "working"))]),
            "{job}", "Jobs not yet settled, by status.");
        jobs.CreateObservableGauge("nicconsole.jobs.stuck", () => Measure(s => [new Measurement<long>(s.Stuck)]), "{job}",
            "Jobs pending or working for longer than Jobs:StuckAfterSeconds.");

        var dataPlane = meters.Create(ConsoleTelemetry.DataPlaneMeter);
        _dataPlane = dataPlane.CreateHistogram<double>("nicconsole.dataplane.operation.duration", "s", "A data-plane operation (a job's or a reconcile pass), by kind and outcome.",
            advice: ConsoleTelemetry.Seconds);
        _reconcileChanges = dataPlane.CreateCounter<long>("nicconsole.dataplane.reconcile.changes", "{change}", "Kernel changes a reconcile pass made (applied) or found needed (checked).");
        _drift = dataPlane.CreateCounter<long>("nicconsole.dataplane.drift", "{server}", "Servers a reconcile pass found away from the desired state.");

        var domain = meters.Create(ConsoleTelemetry.DomainMeter);
        _useCases = domain.CreateHistogram<double>("nicconsole.use_case.duration", "s", "A use case's transaction, by use case and result (ok or the refusal).",
            advice: ConsoleTelemetry.Seconds);
        domain.CreateObservableGauge("nicconsole.vxnets.near_full", () => Measure(s => [new Measurement<long>(s.VxNetsNearFull)]), "{vxnet}",
            $"VxNets with more than {VxNetNearFull} of {Limits.NicsPerVxNet} NICs.");
        domain.CreateObservableGauge("nicconsole.servers.near_full", () => Measure(s => [new Measurement<long>(s.ServersNearFull)]), "{server}",
            $"Servers with more than {ServerNearFull} of {Limits.NicsPerServer} NICs.");

        var live = meters.Create(ConsoleTelemetry.LiveMeter);
        _published = live.CreateCounter<long>("nicconsole.live.published", "{change}", "Committed changes published to open pages.");
    }

    public void JobSettled(JobAction action, bool succeeded, TimeSpan ran)
    {
        var tags = JobTags(action, succeeded);
        _jobsCompleted.Add(1, tags);
        _jobDuration.Record(ran.TotalSeconds, tags);
    }

    public void JobTaken(JobAction action, TimeSpan waited) =>
        _jobWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("job.action", action.ToString()));

    public void LeaseTakenOver(bool requeued) => _takeovers.Add(1, new KeyValuePair<string, object?>("job.result", requeued ? "requeued" : "failed"));

    /// <summary>A data-plane operation: <paramref name="operation"/> is a job action or <c>reconcile</c>; <paramref name="outcome"/> ok, error, timeout or cancelled.</summary>
    public void DataPlaneOperation(string operation, string outcome, TimeSpan took) =>
        _dataPlane.Record(took.TotalSeconds, new KeyValuePair<string, object?>("dataplane.operation", operation), new KeyValuePair<string, object?>("dataplane.outcome", outcome));

    public void Reconciled(bool applied, int changes, int drifted)
    {
        var mode = new KeyValuePair<string, object?>("dataplane.mode", applied ? "applied" : "checked");
        _reconcileChanges.Add(changes, mode);
        _drift.Add(drifted, mode);
    }

    /// <summary>A use case's transaction; <paramref name="result"/> is <c>ok</c> or the refusal's key (a kind, never a value).</summary>
    public void UseCaseRan(string useCase, string result, TimeSpan took) =>
        _useCases.Record(took.TotalSeconds, new KeyValuePair<string, object?>("use_case", useCase), new KeyValuePair<string, object?>("use_case.result", result));

    public void Published(int changes) => _published.Add(changes);

    private static TagList JobTags(JobAction action, bool succeeded) => new()
    {
        { "job.action", action.ToString() },
        { "job.result", succeeded ? "succeeded" : "failed" },
    };

    private IEnumerable<Measurement<long>> Measure(Func<Sample, IEnumerable<Measurement<long>>> read) =>
        Current() is { } sample ? read(sample) : [];

    private sealed record Sample(long Pending, long Working, long Stuck, long VxNetsNearFull, long ServersNearFull);

    /// <summary>The gauges' figures, read again when older than <see cref="SampleEvery"/>; null when the database does not answer.</summary>
    private Sample? Current()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_sample is not null && _time.GetElapsedTime(_sampledAt, now) < SampleEvery)
            {
                return _sample;
            }
            try
            {
                _sample = Read();
                _sampledAt = now;
            }
            catch (Exception) when (_sample is not null)
            {
                // A scrape must not fail with the database: the last figures stand until it answers again.
            }
            catch (Exception)
            {
                return null;
            }
            return _sample;
        }
    }

    private Sample Read()
    {
        using var db = _factory.CreateDbContext();
        var jobs = db.Jobs.IgnoreQueryFilters().AsNoTracking();
        var running = jobs.Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working);
        var counts = running.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => (long)g.Count);
        var stuckBefore = _stuck.Now - _stuck.Limit;
        var nics = db.Nics.IgnoreQueryFilters().AsNoTracking();
        return new Sample(
            counts.GetValueOrDefault(JobStatus.Pending),
            counts.GetValueOrDefault(JobStatus.Working),
            running.LongCount(j => j.StatusTime <= stuckBefore),
            nics.GroupBy(n => n.VxNetId).Where(g => g.Count() > VxNetNearFull).LongCount(),
            nics.Where(n => n.InstanceId != null).GroupBy(n => n.InstanceId).Where(g => g.Count() > ServerNearFull).LongCount());
    }
}
